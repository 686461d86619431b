package dev.mlops4j.core.internal.registry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a warning at most once per interval, so that a stream of bad inputs cannot flood the log; the suppressed
 * count goes with the next warning that is logged.
 */
final class WarnLimiter {
    private final long intervalNanos;
    private final AtomicLong next = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressed = new AtomicLong();

    WarnLimiter(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    void warn(Logger log, String format, Object... args) {
        long now = System.nanoTime();
        long due = next.get();
        if (now - due >= 0 && next.compareAndSet(due, now + intervalNanos)) {
            long skipped = suppressed.getAndSet(0);
            if (log.isWarnEnabled()) {
                log.warn(format + (skipped > 0 ? " (" + skipped + " similar warnings suppressed)" : ""), args);
            }
        } else {
            suppressed.incrementAndGet();
        }
    }
}
