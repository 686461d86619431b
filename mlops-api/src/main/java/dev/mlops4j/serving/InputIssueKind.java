package dev.mlops4j.serving;

/** What is wrong with a prediction's input. Tribuo (like most sparse frameworks) silently ignores all of these. */
public enum InputIssueKind {
    /** A feature name the model does not know; the framework would ignore it. */
    UNKNOWN_FEATURE,
    /** A feature the model knows is absent (or null); the framework would read it as zero. */
    MISSING_FEATURE,
    /** A value is NaN or infinite. */
    NON_FINITE,
    /** A value lies outside the range the model saw in training (widened by the configured tolerance). */
    OUT_OF_DOMAIN,
    /** A check plugged in through {@link InputCheckFactory} (for example a data schema) found a violation. */
    SCHEMA_VIOLATION
}
