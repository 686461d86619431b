package dev.mlops4j.model;

/** What kind of prediction a model makes, so callers can read a {@link Prediction} without knowing the framework. */
public enum ModelTask {
    /** Predicts one class label, with a score per class. */
    CLASSIFICATION,
    /** Predicts one or more real values, one per output dimension. */
    REGRESSION,
    /** Anything else (clustering, anomaly detection, multi-label, ...); read the prediction's label and values. */
    OTHER
}
