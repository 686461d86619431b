package dev.mlops4j.validation.schema;

import dev.mlops4j.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A named context in which data is validated, as in TensorFlow Data Validation: typically {@link #TRAINING}
 * and {@link #SERVING}. A schema column can be limited to some environments, e.g. the label is expected in
 * training data but must be absent from serving requests.
 *
 * @param name letters, digits, {@code _} and {@code -}; compared exactly
 */
public record Environment(String name) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    /** Data used to train (and evaluate) a model. */
    public static final Environment TRAINING = new Environment("TRAINING");
    /** Data sent to a deployed model. */
    public static final Environment SERVING = new Environment("SERVING");

    public Environment {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("environment name '" + name + "' must be 1 to 64 letters, digits,"
                    + " '_' or '-'");
        }
    }

    /**
     * @param name the name
     * @return the environment
     */
    public static Environment of(String name) {
        return new Environment(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
