package dev.mlops4j.pipeline;

import dev.mlops4j.MlopsException;
import java.time.Duration;

/** An attempt of a step ran longer than its timeout and was interrupted. */
public class StepTimeoutException extends MlopsException {
    private static final long serialVersionUID = 1L;

    /** @param stepName the step @param timeout its timeout */
    public StepTimeoutException(String stepName, Duration timeout) {
        super("step '" + stepName + "' did not finish within its timeout of " + timeout + " and was interrupted;"
                + " raise it with Step...timeout(...) or make the step faster");
    }
}
