package dev.mlops4j.core.internal.search;

import dev.mlops4j.search.OrderBy;
import dev.mlops4j.tracking.RunRecord;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the comparator of a run search: the caller's keys in order, then start time descending, then run
 * id ascending, so that any two distinct runs are strictly ordered and offset paging is stable.
 *
 * <p>For every key, runs without the value (absent metric, param or tag; null end time or parent run id) and
 * runs whose metric is NaN sort after all others, in both directions; among themselves they tie and fall
 * through to the next key. Numbers compare as IEEE doubles (so {@code -0.0} ties with {@code 0.0} and the
 * infinities sort at the ends), strings by {@link String#compareTo} (UTF-16 code units, i.e. a binary
 * collation).
 */
public final class RunOrdering {
    /** The tie-break after the caller's keys, and the whole ordering when there are none. */
    private static final Comparator<RunRecord> TIE_BREAK =
            Comparator.comparing((RunRecord r) -> r.info().startTime()).reversed()
                    .thenComparing(RunRecord::runId);

    private RunOrdering() {
    }

    /**
     * @param keys ordering keys, most significant first; empty for the default order
     * @return the comparator, a total order over runs with distinct ids
     */
    public static Comparator<RunRecord> of(List<OrderBy> keys) {
        Comparator<RunRecord> result = null;
        for (OrderBy key : keys) {
            Comparator<RunRecord> c = key.field().isNumeric()
                    ? numeric(FieldAccess.numeric(key.field()), key.ascending())
                    : string(FieldAccess.string(key.field()), key.ascending());
            result = result == null ? c : result.thenComparing(c);
        }
        return result == null ? TIE_BREAK : result.thenComparing(TIE_BREAK);
    }

    private static Comparator<RunRecord> numeric(Function<RunRecord, Double> read, boolean ascending) {
        return (a, b) -> {
            Double x = read.apply(a);
            Double y = read.apply(b);
            boolean xMissing = x == null || x.isNaN();
            boolean yMissing = y == null || y.isNaN();
            if (xMissing || yMissing) {
                return Boolean.compare(xMissing, yMissing);
            }
            // Not Double.compare: that would order -0.0 before 0.0, which SQL stores treat as equal.
            double u = x;
            double v = y;
            int c = u < v ? -1 : (u > v ? 1 : 0);
            return ascending ? c : -c;
        };
    }

    private static Comparator<RunRecord> string(Function<RunRecord, String> read, boolean ascending) {
        return (a, b) -> {
            String x = read.apply(a);
            String y = read.apply(b);
            if (x == null || y == null) {
                return Boolean.compare(x == null, y == null);
            }
            int c = x.compareTo(y);
            return ascending ? c : -c;
        };
    }
}
