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

    /**
     * @return one line for logs and notebooks, e.g. {@code #1 'retrain' 2026-01-02T00:00:00Z COMPLETED (run 4f2a...):
     *     cron '0 0 * * *' at ...}, with the error of a failed firing at the end
     */
    @Override
    public String toString() {
        return "#" + firing.sequence() + " '" + firing.trigger() + "' " + firing.firedAt() + " " + outcome
                + runId.map(id -> " (run " + id + ")").orElse("") + ": " + firing.reason()
                + error.map(e -> "; error: " + e).orElse("");
    }
}
