package dev.mlops4j.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The live side of a {@link Trigger}: gathers what happened since the last firing. Used only under the engine's
 * lock, so parts need no synchronization of their own.
 */
abstract class Part {

    /** Looks at the world at {@code now} and remembers new events. */
    abstract void observe(Instant now);

    /** @return true if an event is gathered and not yet consumed */
    abstract boolean happened();

    /** @return what happened, for the firing's reason */
    abstract String reason();

    /** @return when the latest gathered event happened */
    abstract Instant eventAt();

    /** Forgets what was gathered: a firing consumed it. */
    abstract void consume();

    /** @param now the time @return when this part next needs a look without polling (a scheduled time) */
    Optional<Instant> nextDue(Instant now) {
        return Optional.empty();
    }

    /** @return true if this part must be looked at every poll interval */
    boolean polled() {
        return false;
    }

    /** @return true when this part can never happen again (a schedule past its end) */
    boolean exhausted() {
        return false;
    }

    /** @return the durable cursor, or null if the part keeps none */
    String cursor() {
        return null;
    }

    /** @param cursor a cursor written by {@link #cursor()} after a firing */
    void restore(String cursor) {
    }

    /**
     * Undoes the last {@link #consume()} because the firing could not be committed.
     *
     * @param before this part's cursor before the look that led to the firing
     */
    void rollback(String before) {
        if (before != null) {
            restore(before);
        }
    }

    /**
     * @return true if what this part gathered must be written as soon as it is gathered, not only at a firing: an
     *     event that is not in the world any more after a restart (a signalled item, the report a supplier no longer
     *     returns) would otherwise be lost
     */
    boolean keepsEvents() {
        return false;
    }

    /** @return this part and its descendants, depth first (their positions name their cursors) */
    List<Part> flatten() {
        return List.of(this);
    }
}
