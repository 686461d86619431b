package dev.mlops4j.core.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.SystemTags;

/** Input checks the engine applies on top of {@link Limits}, before anything reaches a store. */
final class Checks {
    /** Longest user name recorded on a run. */
    static final int MAX_USER_LENGTH = 250;
    /** Longest source recorded on a run. */
    static final int MAX_SOURCE_LENGTH = 500;
    /** Longest experiment description. */
    static final int MAX_DESCRIPTION_LENGTH = Limits.MAX_TAG_VALUE_LENGTH;

    private Checks() {
    }

    /** Checks a tag that user code sets: a valid key outside the reserved prefix and a valid value. */
    static void userTag(String key, String value) {
        userTagKey(key);
        Limits.checkTagValue(key, value);
    }

    /** Checks the key of a tag that user code sets or deletes. */
    static void userTagKey(String key) {
        Limits.checkKey("tag", key);
        if (SystemTags.isReserved(key)) {
            throw new InvalidInputException("tag key '" + key + "' is reserved: keys starting with '"
                    + SystemTags.PREFIX + "' belong to mlops4j's system tags. Choose a key outside that prefix");
        }
    }

    /** Checks a param key and value. */
    static void param(String key, String value) {
        Limits.checkKey("param", key);
        Limits.checkParamValue(key, value);
    }

    /**
     * Checks a free-text attribute (user, source, description).
     *
     * @return the text
     */
    static String text(String what, String value, int max) {
        if (value == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        if (value.length() > max) {
            throw new InvalidInputException(what + " is " + value.length() + " characters long; the limit is " + max);
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidInputException(what + " contains control characters");
        }
        return value;
    }

    /** Cuts text to at most {@code max} characters without splitting a surrogate pair, marking the cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "...";
        int cut = max - marker.length();
        if (cut > 0 && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return text.substring(0, cut) + marker;
    }
}
