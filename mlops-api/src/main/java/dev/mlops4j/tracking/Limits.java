package dev.mlops4j.tracking;

import dev.mlops4j.InvalidInputException;
import java.util.regex.Pattern;

/**
 * The documented limits on names and values, modelled on MLflow's so that data moves between the two.
 *
 * <table>
 * <caption>Limits</caption>
 * <tr><th>what</th><th>limit</th></tr>
 * <tr><td>param, metric and tag keys</td><td>1 to {@value #MAX_KEY_LENGTH} characters from
 *     {@code A-Z a-z 0-9 _ - . / : space}; not starting with {@code /}; no {@code ..} path segment</td></tr>
 * <tr><td>param values</td><td>{@value #MAX_PARAM_VALUE_LENGTH} characters</td></tr>
 * <tr><td>tag values</td><td>{@value #MAX_TAG_VALUE_LENGTH} characters</td></tr>
 * <tr><td>experiment names</td><td>1 to {@value #MAX_EXPERIMENT_NAME_LENGTH} characters, no control characters</td></tr>
 * <tr><td>run names</td><td>{@value #MAX_RUN_NAME_LENGTH} characters, no control characters</td></tr>
 * <tr><td>one batch</td><td>{@value #MAX_PARAMS_TAGS_PER_BATCH} params plus tags,
 *     {@value #MAX_METRICS_PER_BATCH} metrics, {@value #MAX_ENTITIES_PER_BATCH} entries in all</td></tr>
 * <tr><td>artifact paths</td><td>{@value #MAX_ARTIFACT_PATH_LENGTH} characters, relative, {@code /}-separated,
 *     no {@code .} or {@code ..} segment, no backslash, no control characters</td></tr>
 * </table>
 */
public final class Limits {
    /** Longest param, metric or tag key. */
    public static final int MAX_KEY_LENGTH = 250;
    /** Longest param value. */
    public static final int MAX_PARAM_VALUE_LENGTH = 6000;
    /** Longest tag value. */
    public static final int MAX_TAG_VALUE_LENGTH = 8000;
    /** Longest experiment name. */
    public static final int MAX_EXPERIMENT_NAME_LENGTH = 500;
    /** Longest run name. */
    public static final int MAX_RUN_NAME_LENGTH = 250;
    /** Most params plus tags in one batch. */
    public static final int MAX_PARAMS_TAGS_PER_BATCH = 100;
    /** Most metric points in one batch. */
    public static final int MAX_METRICS_PER_BATCH = 1000;
    /** Most entries of all kinds in one batch. */
    public static final int MAX_ENTITIES_PER_BATCH = 1000;
    /** Longest artifact path. */
    public static final int MAX_ARTIFACT_PATH_LENGTH = 1000;

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-./: ]+");

    private Limits() {
    }

    /**
     * Checks a param, metric or tag key.
     *
     * @param kind "param", "metric" or "tag", for the message
     * @param key the key
     * @return the key
     * @throws InvalidInputException if it breaks a rule; the message names the rule
     */
    public static String checkKey(String kind, String key) {
        if (key == null || key.isEmpty()) {
            throw new InvalidInputException(kind + " key must not be null or empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(kind + " key '" + abbreviate(key) + "' is " + key.length()
                    + " characters long; the limit is " + MAX_KEY_LENGTH);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException(kind + " key '" + abbreviate(key) + "' has characters that are not allowed;"
                    + " use letters, digits, '_', '-', '.', '/', ':' and spaces");
        }
        if (key.startsWith("/") || ("/" + key + "/").contains("/../") || key.isBlank()) {
            throw new InvalidInputException(kind + " key '" + key + "' must not be blank, start with '/' or contain a"
                    + " '..' path segment");
        }
        return key;
    }

    /**
     * @param key param key
     * @param value param value
     * @return the value
     * @throws InvalidInputException if null or too long
     */
    public static String checkParamValue(String key, String value) {
        return checkValue("param", key, value, MAX_PARAM_VALUE_LENGTH);
    }

    /**
     * @param key tag key
     * @param value tag value
     * @return the value
     * @throws InvalidInputException if null or too long
     */
    public static String checkTagValue(String key, String value) {
        return checkValue("tag", key, value, MAX_TAG_VALUE_LENGTH);
    }

    private static String checkValue(String kind, String key, String value, int max) {
        if (value == null) {
            throw new InvalidInputException("value of " + kind + " '" + key + "' must not be null");
        }
        if (value.length() > max) {
            throw new InvalidInputException("value of " + kind + " '" + key + "' is " + value.length()
                    + " characters long; the limit is " + max);
        }
        return value;
    }

    /**
     * @param name experiment name
     * @return the name
     * @throws InvalidInputException if empty, too long or with control characters
     */
    public static String checkExperimentName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("experiment name must not be null or blank");
        }
        return checkName("experiment name", name, MAX_EXPERIMENT_NAME_LENGTH);
    }

    /**
     * @param name run name (may be empty)
     * @return the name
     * @throws InvalidInputException if too long or with control characters
     */
    public static String checkRunName(String name) {
        if (name == null) {
            throw new InvalidInputException("run name must not be null; use \"\" for an unnamed run");
        }
        return checkName("run name", name, MAX_RUN_NAME_LENGTH);
    }

    private static String checkName(String kind, String name, int max) {
        if (name.length() > max) {
            throw new InvalidInputException(kind + " '" + abbreviate(name) + "' is " + name.length()
                    + " characters long; the limit is " + max);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(kind + " '" + abbreviate(name) + "' contains control characters");
        }
        return name;
    }

    /**
     * Checks an artifact path and returns its normal form (no leading {@code ./}, no doubled or trailing slashes).
     *
     * @param path a relative artifact path
     * @return the normalized path
     * @throws InvalidInputException if it is absolute, escapes the run's tree, or has forbidden characters
     */
    public static String checkArtifactPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidInputException("artifact path must not be null or empty");
        }
        if (path.length() > MAX_ARTIFACT_PATH_LENGTH) {
            throw new InvalidInputException("artifact path is " + path.length() + " characters long; the limit is "
                    + MAX_ARTIFACT_PATH_LENGTH);
        }
        if (path.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("artifact path '" + abbreviate(path.replaceAll("\\p{Cntrl}", "?"))
                    + "' contains control characters");
        }
        if (path.indexOf('\\') >= 0) {
            throw new InvalidInputException("artifact path '" + path + "' contains a backslash; use '/' as separator");
        }
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
            throw new InvalidInputException("artifact path '" + path + "' is absolute; give a path relative to the run");
        }
        StringBuilder normal = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new InvalidInputException("artifact path '" + path + "' contains '..'; artifact paths must stay"
                        + " inside the run's tree");
            }
            if (normal.length() > 0) {
                normal.append('/');
            }
            normal.append(segment);
        }
        if (normal.length() == 0) {
            throw new InvalidInputException("artifact path '" + path + "' names no file");
        }
        return normal.toString();
    }

    /**
     * Checks the size of a batch against the per-batch limits.
     *
     * @param batch the batch
     * @throws InvalidInputException if a limit is exceeded
     */
    public static void checkBatchSize(LogBatch batch) {
        if (batch.params().size() + batch.tags().size() > MAX_PARAMS_TAGS_PER_BATCH) {
            throw new InvalidInputException("a batch holds " + (batch.params().size() + batch.tags().size())
                    + " params and tags; the limit is " + MAX_PARAMS_TAGS_PER_BATCH + ". Split it into several batches");
        }
        if (batch.metrics().size() > MAX_METRICS_PER_BATCH) {
            throw new InvalidInputException("a batch holds " + batch.metrics().size() + " metrics; the limit is "
                    + MAX_METRICS_PER_BATCH + ". Split it into several batches");
        }
        if (batch.size() > MAX_ENTITIES_PER_BATCH) {
            throw new InvalidInputException("a batch holds " + batch.size() + " entries; the limit is "
                    + MAX_ENTITIES_PER_BATCH + ". Split it into several batches");
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
