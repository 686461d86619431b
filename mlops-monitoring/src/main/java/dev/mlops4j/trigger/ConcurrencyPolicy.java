package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;

/**
 * What a firing does when an earlier firing of the same target is still running. One action of a target runs at
 * a time; triggers naming the same {@link TriggerDefinition#target(String) target} share its policy and queue.
 * Like a Kubernetes CronJob's {@code concurrencyPolicy} (Forbid, Replace) with Airflow's bounded queue of runs.
 *
 * @param kind skip, queue or replace
 * @param bound for {@link Kind#QUEUE}: how many firings may wait; 0 for the others
 */
public record ConcurrencyPolicy(Kind kind, int bound) {

    /** The kinds of policy. */
    public enum Kind {
        /** Drop the new firing (recorded {@link FiringOutcome#SKIPPED}). */
        SKIP,
        /** Queue it, up to a bound; beyond it, recorded {@link FiringOutcome#DROPPED}. */
        QUEUE,
        /** Interrupt the running action and discard waiting ones (recorded {@link FiringOutcome#REPLACED}); run the new one next. */
        REPLACE
    }

    public ConcurrencyPolicy {
        if (kind == null) {
            throw new InvalidInputException("concurrency policy kind must not be null");
        }
        if (kind == Kind.QUEUE ? bound < 1 : bound != 0) {
            throw new InvalidInputException(kind == Kind.QUEUE
                    ? "a queue policy needs a bound of at least 1, was " + bound + "; use skip() to keep none"
                    : "only a queue policy has a bound; " + kind + " was given " + bound);
        }
    }

    /** @return the default: skip a firing while the target runs */
    public static ConcurrencyPolicy skip() {
        return new ConcurrencyPolicy(Kind.SKIP, 0);
    }

    /**
     * @param bound how many firings may wait behind the running one, at least 1
     * @return a bounded queue
     */
    public static ConcurrencyPolicy queue(int bound) {
        return new ConcurrencyPolicy(Kind.QUEUE, bound);
    }

    /** @return interrupt the running action and run the new firing */
    public static ConcurrencyPolicy replace() {
        return new ConcurrencyPolicy(Kind.REPLACE, 0);
    }

    @Override
    public String toString() {
        return kind == Kind.QUEUE ? "queue(" + bound + ")" : kind.name().toLowerCase(java.util.Locale.ROOT) + "()";
    }
}
