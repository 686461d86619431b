package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One prediction, framework-neutral.
 *
 * <ul>
 *   <li>Classification: {@code label} is the predicted class; {@code values} maps every class to its score
 *       (probabilities when {@code probabilities} is true).</li>
 *   <li>Regression: {@code label} is {@code null}; {@code values} maps each output dimension to its predicted
 *       value.</li>
 *   <li>Other tasks: {@code label} is the framework's text form of the output; {@code values} its scores, if any.</li>
 * </ul>
 *
 * @param label the predicted label, {@code null} for regression
 * @param values class scores or dimension values
 * @param probabilities true if {@code values} are probabilities
 */
public record Prediction(String label, Map<String, Double> values, boolean probabilities) {
    public Prediction {
        values = Map.copyOf(values);
    }

    /**
     * @param name a class or dimension name
     * @return its score or value, empty if absent
     */
    public OptionalDouble value(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /**
     * @return the single predicted value of a one-dimensional regression
     * @throws InvalidInputException if the prediction does not have exactly one value
     */
    public double value() {
        if (values.size() != 1) {
            throw new InvalidInputException("value() needs a prediction with exactly one value; this one has "
                    + values.keySet() + ". Use value(name)");
        }
        return values.values().iterator().next();
    }
}
