package dev.mlops4j.monitoring;

import dev.mlops4j.monitoring.internal.WindowColumns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A window still taking predictions. Its own class (rather than nested in the monitor) because the window cutting,
 * the label join and the analysis queue all hold windows. Guarded by the owning monitor's lock.
 */
final class OpenWindow {
    final long index;
    final Instant start;
    Instant end;
    final WindowColumns values;
    final List<String> keys = new ArrayList<>();

    OpenWindow(long index, Instant start, Instant end, int expectedRows) {
        this.index = index;
        this.start = start;
        this.end = end;
        this.values = new WindowColumns(expectedRows);
    }
}
