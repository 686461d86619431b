package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;

import java.time.Duration;
import java.util.Objects;

/**
 * What a schedule does with the times it missed while the application was down (or woke up too late), as Quartz's
 * misfire instructions and Kubernetes' {@code startingDeadlineSeconds} do. A scheduled time counts as missed when the
 * engine sees it more than {@link #grace()} after it passed; within the grace it simply fires (late).
 *
 * @param kind none, once or all
 * @param cap for {@link Kind#ALL}: the most missed times fired (the latest ones); 0 for the others
 * @param grace how late a time may be seen and still count as on time
 */
public record MisfirePolicy(Kind kind, int cap, Duration grace) {

    /** Default grace: one minute. */
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);

    /** The kinds of policy. */
    public enum Kind {
        /** Forget missed times; wait for the next one. */
        NONE,
        /** Fire once for all missed times (the firing's reason says how many). */
        ONCE,
        /** Fire once per missed time, the latest {@code cap} of them, oldest first. */
        ALL
    }

    public MisfirePolicy {
        if (kind == null) {
            throw new InvalidInputException("misfire policy kind must not be null");
        }
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new InvalidInputException("misfire grace must not be negative, was " + grace);
        }
        if (kind == Kind.ALL ? cap < 1 : cap != 0) {
            throw new InvalidInputException(kind == Kind.ALL
                    ? "all(cap) needs a cap of at least 1, was " + cap + "; use none() to fire no missed time"
                    : "only all(cap) has a cap; " + kind + " was given " + cap);
        }
    }

    /** @return forget missed times */
    public static MisfirePolicy none() {
        return new MisfirePolicy(Kind.NONE, 0, DEFAULT_GRACE);
    }

    /** @return the default: fire once for all missed times */
    public static MisfirePolicy once() {
        return new MisfirePolicy(Kind.ONCE, 0, DEFAULT_GRACE);
    }

    /**
     * @param cap the most missed times fired, at least 1
     * @return fire each missed time, the latest {@code cap} of them
     */
    public static MisfirePolicy all(int cap) {
        return new MisfirePolicy(Kind.ALL, cap, DEFAULT_GRACE);
    }

    /**
     * @param newGrace how late a time may be seen and still count as on time
     * @return a copy with that grace
     */
    public MisfirePolicy withGrace(Duration newGrace) {
        return new MisfirePolicy(kind, cap, newGrace);
    }

    @Override
    public String toString() {
        return (kind == Kind.ALL ? "all(" + cap + ")" : kind.name().toLowerCase(java.util.Locale.ROOT) + "()")
                + " grace " + grace;
    }
}
