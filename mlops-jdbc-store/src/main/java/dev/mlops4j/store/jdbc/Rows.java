package dev.mlops4j.store.jdbc;

import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.OptionalLong;

/** Column lists and row mappers shared by reads, writes and search. */
final class Rows {
    /** The columns {@link #runInfo} reads, prefixed with the alias {@code r} of {@code mlops_runs}. */
    static final String RUN_COLUMNS = "r.run_id, r.experiment_id, r.run_name, r.status, r.start_time, r.end_time,"
            + " r.user_name, r.source, r.parent_run_id, r.owner_id";
    /** Number of columns in {@link #RUN_COLUMNS}. */
    static final int RUN_COLUMN_COUNT = 10;

    private Rows() {
    }

    /**
     * Reads a run from {@link #RUN_COLUMNS} starting at column {@code first}.
     *
     * @param rs the result set on the row
     * @param first index of the first run column
     * @return the run
     * @throws SQLException on a database failure
     */
    static RunInfo runInfo(ResultSet rs, int first) throws SQLException {
        long end = rs.getLong(first + 5);
        Instant endTime = rs.wasNull() ? null : Instant.ofEpochMilli(end);
        return new RunInfo(rs.getString(first), Long.toString(rs.getLong(first + 1)), rs.getString(first + 2),
                RunStatus.valueOf(rs.getString(first + 3)), Instant.ofEpochMilli(rs.getLong(first + 4)), endTime,
                rs.getString(first + 6), rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9));
    }

    /**
     * Reads a latest-metric row: value bits, step and timestamp at {@code first}, {@code first + 1},
     * {@code first + 2}.
     *
     * @param key the metric key
     * @param rs the result set on the row
     * @param first index of the value-bits column
     * @return the metric
     * @throws SQLException on a database failure
     */
    static Metric latestMetric(String key, ResultSet rs, int first) throws SQLException {
        return new Metric(key, Double.longBitsToDouble(rs.getLong(first)), rs.getLong(first + 1),
                Instant.ofEpochMilli(rs.getLong(first + 2)));
    }

    /**
     * @param experimentId an experiment id as the API carries it
     * @return the database key, empty if the text cannot be an id of this store
     */
    static OptionalLong experimentKey(String experimentId) {
        if (experimentId == null || experimentId.isEmpty() || experimentId.length() > 18
                || !experimentId.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || (experimentId.length() > 1 && experimentId.charAt(0) == '0')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(experimentId));
    }
}
