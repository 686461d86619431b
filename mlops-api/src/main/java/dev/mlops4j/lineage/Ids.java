package dev.mlops4j.lineage;

import dev.mlops4j.InvalidInputException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Checks shared by the lineage records. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_TEXT = 1000;

    private Ids() {
    }

    /**
     * A new id: 12 hex digits of the current time in milliseconds, then 20 random hex digits (80 bits). Ids made
     * later sort later, so a store's indexes on them take new rows at their right edge: a commit of many new
     * records then rewrites a few index pages instead of one page per record (which random ids cost on H2, whose
     * every commit writes each changed page out whole).
     */
    static String newId() {
        long random = ThreadLocalRandom.current().nextLong();
        int more = ThreadLocalRandom.current().nextInt() & 0xffff;
        return String.format("%012x%016x%04x", System.currentTimeMillis() & 0xffff_ffff_ffffL, random, more);
    }

    static String id(String what, String id) {
        Objects.requireNonNull(id, what);
        if (!ID.matcher(id).matches()) {
            throw new InvalidInputException(what + " '" + id + "' is not a lineage id; expected 32 lowercase hex"
                    + " characters (use the ids the records generate)");
        }
        return id;
    }

    static String text(String what, String value, boolean allowEmpty) {
        Objects.requireNonNull(value, what);
        if (!allowEmpty && value.isBlank()) {
            throw new InvalidInputException(what + " must not be blank");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(what + " is " + value.length() + " characters long; at most " + MAX_TEXT
                    + " are allowed");
        }
        return value;
    }

    static Map<String, String> properties(Map<String, String> properties) {
        Objects.requireNonNull(properties, "properties");
        TreeMap<String, String> copy = new TreeMap<>();
        properties.forEach((k, v) -> copy.put(text("property key", k, false), text("property value of " + k, v, true)));
        return java.util.Collections.unmodifiableMap(copy);
    }
}
