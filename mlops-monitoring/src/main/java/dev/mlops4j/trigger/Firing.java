package dev.mlops4j.trigger;

import java.time.Instant;
import java.util.Objects;

/**
 * One firing of a trigger, handed to its {@link TriggerAction}.
 *
 * @param trigger the trigger's name
 * @param sequence the firing's number for this trigger, 1 for the first; it survives restarts (kept in the store)
 * @param reason why it fired, e.g. {@code "cron '0 2 * * *' at 2026-01-02T02:00+01:00[Europe/Paris]"} or
 *     {@code "3 new files in /data/in: a.csv, b.csv, c.csv"}; parts of an AND or OR are joined
 * @param firedAt when the engine fired it (by the engine's clock)
 * @param scheduledFor the nominal time: the schedule's time for a schedule (earlier than {@code firedAt} after a
 *     misfire), else the time of the latest event that made it fire
 */
public record Firing(String trigger, long sequence, String reason, Instant firedAt, Instant scheduledFor) {
    public Firing {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(scheduledFor, "scheduledFor");
        if (sequence < 1) {
            throw new dev.mlops4j.InvalidInputException("sequence starts at 1, was " + sequence);
        }
    }

    /** @return true if it fired later than scheduled (a misfire caught up after downtime or a late wake-up) */
    public boolean late() {
        return firedAt.isAfter(scheduledFor);
    }

    /**
     * @return one line for logs and notebooks, e.g.
     *     {@code firing #3 of 'retrain' at 2026-01-02T01:00:00Z (late: scheduled for 2026-01-02T00:00:00Z): cron ...}
     */
    @Override
    public String toString() {
        return "firing #" + sequence + " of '" + trigger + "' at " + firedAt
                + (late() ? " (late: scheduled for " + scheduledFor + ")" : "") + ": " + reason;
    }
}
