package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.internal.TextTable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

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
    /** The most scores {@link #toString()} lists. */
    private static final int SHOWN = 8;

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

    /**
     * @return one line for notebooks and logs: the label, then the scores best first (or the values of a regression by
     *     name), at most eight of them, e.g. {@code class_2 (probabilities: class_2=0.97, class_0=0.02, ...)}
     */
    @Override
    public String toString() {
        Comparator<Map.Entry<String, Double>> order = label == null ? Map.Entry.comparingByKey()
                : Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
        List<String> shown = values.entrySet().stream().sorted(order).limit(SHOWN)
                .map(e -> e.getKey() + "=" + TextTable.number(e.getValue())).collect(Collectors.toList());
        if (values.size() > SHOWN) {
            shown.add("... " + (values.size() - SHOWN) + " more");
        }
        String list = String.join(", ", shown);
        if (label == null) {
            return "Prediction " + (values.isEmpty() ? "(no values)" : list);
        }
        return "Prediction " + label + (values.isEmpty() ? "" : " (" + (probabilities ? "probabilities" : "scores")
                + ": " + list + ")");
    }
}
