package dev.mlops4j.validation.check;

/** Whether one constraint held. */
public enum ConstraintStatus {
    /** The constraint held. */
    SUCCESS,
    /** The constraint did not hold, or could not be evaluated (e.g. an unknown column); see the message. */
    FAILURE
}
