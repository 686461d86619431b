package dev.mlops4j.store.jdbc;

import java.util.List;

/** H2's dialect, re-declared here because the real one is private to the H2 package. */
final class TestDialect implements SqlDialect {
    static final TestDialect INSTANCE = new TestDialect(true);
    /** The same, but claiming rollbacks that never lose other writes, as PostgreSQL's: for the writer's other path. */
    static final TestDialect SAFE_ROLLBACKS = new TestDialect(false);

    private final boolean rollbackMayOverwriteOtherWrites;

    private TestDialect(boolean rollbackMayOverwriteOtherWrites) {
        this.rollbackMayOverwriteOtherWrites = rollbackMayOverwriteOtherWrites;
    }

    @Override
    public String name() {
        return "H2 (test)";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        int n = keyColumns.size() + valueColumns.size();
        return "MERGE INTO " + table + " (" + String.join(", ", keyColumns) + ", " + String.join(", ", valueColumns)
                + ") KEY (" + String.join(", ", keyColumns) + ") VALUES (?" + ", ?".repeat(n - 1) + ")";
    }

    @Override
    public String runsInStartOrderHint() {
        return " USE INDEX (mlops_runs_experiment_start)";
    }

    @Override
    public boolean rollbackMayOverwriteOtherWrites() {
        return rollbackMayOverwriteOtherWrites;
    }

    @Override
    public String lockTimeoutStatement(long timeoutMillis) {
        return "SET LOCK_TIMEOUT " + timeoutMillis;
    }
}
