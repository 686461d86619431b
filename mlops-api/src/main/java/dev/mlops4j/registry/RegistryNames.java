package dev.mlops4j.registry;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Limits;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The rules for registry names and texts, checked before anything reaches a store.
 *
 * <table>
 * <caption>Registry limits</caption>
 * <tr><th>what</th><th>rule</th></tr>
 * <tr><td>model names</td><td>1 to {@value #MAX_MODEL_NAME_LENGTH} characters from {@code A-Z a-z 0-9 _ . -},
 *     not starting with {@code .} or {@code -} (they appear in {@code models:/name/3} URIs)</td></tr>
 * <tr><td>aliases</td><td>1 to {@value #MAX_ALIAS_LENGTH} characters from {@code A-Z a-z 0-9 _ -}, starting with a
 *     letter or {@code _}; {@value #LATEST} is reserved ({@code models:/name/latest} means the newest active
 *     version)</td></tr>
 * <tr><td>reasons, descriptions</td><td>up to {@value #MAX_TEXT_LENGTH} characters, no control characters other
 *     than line breaks and tabs</td></tr>
 * <tr><td>version and model tags</td><td>as run tags ({@link Limits#checkKey}, {@link Limits#checkTagValue});
 *     keys under {@code mlops.} are reserved</td></tr>
 * </table>
 */
public final class RegistryNames {
    /** Longest model name. */
    public static final int MAX_MODEL_NAME_LENGTH = 200;
    /** Longest alias. */
    public static final int MAX_ALIAS_LENGTH = 100;
    /** Longest reason or description. */
    public static final int MAX_TEXT_LENGTH = Limits.MAX_TAG_VALUE_LENGTH;
    /** The reserved alias-like word for the newest active version. */
    public static final String LATEST = "latest";

    private static final Pattern MODEL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z_][A-Za-z0-9_\\-]*");

    private RegistryNames() {
    }

    /**
     * @param name a registered model's name
     * @return the name
     * @throws InvalidInputException if it breaks the rules; the message names the rule
     */
    public static String checkModelName(String name) {
        if (name == null || name.isEmpty()) {
            throw new InvalidInputException("model name must not be null or empty");
        }
        if (name.length() > MAX_MODEL_NAME_LENGTH) {
            throw new InvalidInputException("model name '" + name.substring(0, 40) + "...' is " + name.length()
                    + " characters long; the limit is " + MAX_MODEL_NAME_LENGTH);
        }
        if (!MODEL_NAME.matcher(name).matches()) {
            throw new InvalidInputException("model name '" + printable(name) + "' is not allowed; use letters, digits,"
                    + " '_', '.' and '-', not starting with '.' or '-' (e.g. 'wine-classifier')");
        }
        return name;
    }

    /**
     * @param alias an alias such as {@code production}
     * @return the alias
     * @throws InvalidInputException if it breaks the rules or is the reserved word {@value #LATEST}
     */
    public static String checkAlias(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw new InvalidInputException("alias must not be null or empty");
        }
        if (alias.length() > MAX_ALIAS_LENGTH) {
            throw new InvalidInputException("alias '" + alias.substring(0, 40) + "...' is " + alias.length()
                    + " characters long; the limit is " + MAX_ALIAS_LENGTH);
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw new InvalidInputException("alias '" + printable(alias) + "' is not allowed; use letters, digits, '_'"
                    + " and '-', starting with a letter or '_' (e.g. 'production', 'champion')");
        }
        if (alias.equals(LATEST)) {
            throw new InvalidInputException("alias '" + LATEST + "' is reserved: models:/name/latest always means the"
                    + " newest active version. Choose another alias");
        }
        return alias;
    }

    /**
     * @param version a version number
     * @return the number
     * @throws InvalidInputException if it is not positive
     */
    public static int checkVersion(int version) {
        if (version < 1) {
            throw new InvalidInputException("model versions are numbered from 1; got " + version);
        }
        return version;
    }

    /**
     * Checks a reason or description.
     *
     * @param what what the text is, for the message ("reason", "description")
     * @param text the text
     * @return the text
     * @throws InvalidInputException if null, too long or with control characters
     */
    public static String checkText(String what, String text) {
        Objects.requireNonNull(what, "what");
        if (text == null) {
            throw new InvalidInputException(what + " must not be null; use \"\" for none");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(what + " is " + text.length() + " characters long; the limit is "
                    + MAX_TEXT_LENGTH);
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r')) {
            throw new InvalidInputException(what + " contains control characters");
        }
        return text;
    }

    /**
     * Checks a reason that must say something: promotions, approvals, archiving and deletion are audited with it.
     *
     * @param reason the reason
     * @return the reason
     * @throws InvalidInputException if null, blank, too long or with control characters
     */
    public static String checkReason(String reason) {
        checkText("reason", reason);
        if (reason.isBlank()) {
            throw new InvalidInputException("a reason is required: it is recorded in the audit trail (say why, e.g."
                    + " \"beats v3 on macro F1, reviewed in ticket ML-42\")");
        }
        return reason;
    }

    private static String printable(String s) {
        String shown = s.length() <= 60 ? s : s.substring(0, 57) + "...";
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
