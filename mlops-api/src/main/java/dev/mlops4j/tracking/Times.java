package dev.mlops4j.tracking;

import java.time.Instant;

/** Time helpers shared by the value types: stores keep millisecond precision, so values do too. */
final class Times {
    private Times() {
    }

    static Instant truncate(Instant t) {
        return t == null ? null : Instant.ofEpochMilli(t.toEpochMilli());
    }
}
