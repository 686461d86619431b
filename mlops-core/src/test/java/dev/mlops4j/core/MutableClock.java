package dev.mlops4j.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, so that heartbeat ages can be controlled without waiting. */
public final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    /** @param start the initial time */
    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** @param amount how far to move the clock forward */
    public void advance(Duration amount) {
        now.updateAndGet(t -> t.plus(amount));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
