package dev.mlops4j.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * A recorded firing and its outcome, from {@link Triggers#history(String)}.
 *
 * @param firing the firing
 * @param outcome what became of it
 * @param error the action's error ({@code Class: message}) when it FAILED, else empty
 * @param runId the tracking run recording it when the engine keeps its state in an mlops store, else empty
 */
public record FiringRecord(Firing firing, FiringOutcome outcome, Optional<String> error, Optional<String> runId) {
    public FiringRecord {
        Objects.requireNonNull(firing, "firing");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(runId, "runId");
    }
}
