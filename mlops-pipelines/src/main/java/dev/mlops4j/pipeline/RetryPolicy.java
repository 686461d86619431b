package dev.mlops4j.pipeline;

import dev.mlops4j.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How often a failing step is tried and how long to wait between tries: exponential backoff from
 * {@code initialBackoff}, multiplied by {@code multiplier} after each failure, capped at {@code maxBackoff}.
 * Only failures of the {@code retryOn} classes (and subclasses) are retried; timeouts count as failures of
 * {@link StepTimeoutException}.
 *
 * <pre>{@code
 * RetryPolicy.attempts(4).backoff(Duration.ofMillis(200), 2.0).retryOn(IOException.class, StepTimeoutException.class)
 * }</pre>
 *
 * @param maxAttempts tries in total, at least 1
 * @param initialBackoff wait after the first failure
 * @param multiplier growth of the wait, at least 1
 * @param maxBackoff the longest wait
 * @param retryOn the failures that are retried
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                          List<Class<? extends Throwable>> retryOn) {

    /** Checks the settings, naming the wrong one. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts must be at least 1 (1 means no retry), not " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new InvalidInputException("backoff durations must not be negative: initialBackoff " + initialBackoff
                    + ", maxBackoff " + maxBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new InvalidInputException("multiplier must be a finite number of at least 1.0, not " + multiplier);
        }
        retryOn = List.copyOf(retryOn);
        if (retryOn.isEmpty()) {
            throw new InvalidInputException("retryOn must name at least one exception class (Exception.class retries"
                    + " every failure)");
        }
    }

    /** @return no retries: one attempt */
    public static RetryPolicy none() {
        return attempts(1);
    }

    /**
     * @param maxAttempts tries in total
     * @return a policy retrying every {@link Exception}, waiting 100 ms, then doubling up to 30 s
     */
    public static RetryPolicy attempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(30),
                List.of(Exception.class));
    }

    /** @param initial first wait @param factor growth @return a copy with that backoff */
    public RetryPolicy backoff(Duration initial, double factor) {
        return new RetryPolicy(maxAttempts, initial, factor, maxBackoff, retryOn);
    }

    /** @param max the longest wait @return a copy with that cap */
    public RetryPolicy maxBackoff(Duration max) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, max, retryOn);
    }

    /** @param failures the failures to retry @return a copy retrying only those */
    @SafeVarargs
    public final RetryPolicy retryOn(Class<? extends Throwable>... failures) {
        return new RetryPolicy(maxAttempts, initialBackoff, multiplier, maxBackoff, List.of(failures));
    }

    /**
     * @param failedAttempts how many attempts failed so far (1 after the first)
     * @return how long to wait before the next attempt
     */
    public Duration backoffAfter(int failedAttempts) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempts - 1));
        long capped = (long) Math.min(millis, maxBackoff.toMillis());
        return Duration.ofMillis(capped);
    }

    /** @param failure what the attempt threw @return whether it is retried (if attempts remain) */
    public boolean retries(Throwable failure) {
        for (Class<? extends Throwable> c : retryOn) {
            if (c.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }
}
