package dev.mlops4j.serving;

/** What a {@link ModelHandle} does with an input issue of some {@link InputIssueKind}. */
public enum InputPolicy {
    /** Refuse the prediction with an {@link InputRejectedException}; counted. */
    REJECT,
    /** Predict, log a warning (rate-limited) and count. */
    WARN,
    /** Predict and count, silently. */
    COUNT
}
