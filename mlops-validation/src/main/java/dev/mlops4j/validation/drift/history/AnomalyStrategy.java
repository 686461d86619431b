package dev.mlops4j.validation.drift.history;

import java.util.List;

/**
 * Judges each value of a metric's history against the values before it.
 */
public interface AnomalyStrategy {

    /**
     * @param series the values, oldest first
     * @return one expectation per value, in the same order, each computed from the values before it only
     */
    List<Expectation> evaluate(double[] series);

    /** @return what the strategy checks, with its parameters, for reports */
    String describe();
}
