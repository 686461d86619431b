package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PostgreSQL spellings, checked as text; the TCK checks them against a server. */
class PostgresDialectTest {
    private final PostgresDialect dialect = PostgresDialect.INSTANCE;

    @Test
    void upsert_compositeKey_isInsertOnConflictUpdatingTheValueColumns() {
        assertThat(dialect.upsert("t", List.of("a", "b"), List.of("c", "d")))
                .isEqualTo("INSERT INTO t (a, b, c, d) VALUES (?, ?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET"
                        + " c = EXCLUDED.c, d = EXCLUDED.d");
    }

    @Test
    void migrationStatement_createTable_givesEveryTextColumnTheBinaryCollation() {
        String sql = "CREATE TABLE IF NOT EXISTS x (\n id BIGINT NOT NULL,\n name VARCHAR(500) NOT NULL,\n"
                + " text CHARACTER VARYING NOT NULL,\n code varchar (8),\n d CHARACTER VARYING(10) COLLATE \"C\"\n)";

        assertThat(dialect.migrationStatement(sql)).isEqualTo("CREATE TABLE IF NOT EXISTS x (\n id BIGINT NOT NULL,\n"
                + " name VARCHAR(500) COLLATE \"C\" NOT NULL,\n text CHARACTER VARYING COLLATE \"C\" NOT NULL,\n"
                + " code VARCHAR (8) COLLATE \"C\",\n d CHARACTER VARYING(10) COLLATE \"C\"\n)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CREATE INDEX IF NOT EXISTS i ON t (a, b)",
            "INSERT INTO t (a) SELECT CAST(1 AS VARCHAR(20)) WHERE NOT EXISTS (SELECT 1 FROM t)"})
    void migrationStatement_otherStatements_areUnchanged(String sql) {
        assertThat(dialect.migrationStatement(sql)).isEqualTo(sql);
    }

    @Test
    void migrationStatement_bundledScripts_collateEveryTextColumnAndChangeNothingElse() throws IOException {
        for (String file : List.of("V1__tracking.sql", "V2__registry.sql")) {
            String script;
            try (InputStream in = getClass().getResourceAsStream("/dev/mlops4j/store/jdbc/migrations/" + file)) {
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String rewritten = dialect.migrationStatement(script.replaceAll("(?m)^--.*$", "").strip());
            assertThat(rewritten).contains("VARCHAR(250) COLLATE \"C\" NOT NULL");
            assertThat(rewritten.replace(" COLLATE \"C\"", "")).isEqualTo(script.replaceAll("(?m)^--.*$", "").strip());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "57P01", "57P02", "57P03"})
    void isConnectionLoss_brokenSessionStates_areRecognised(String state) {
        assertThat(dialect.isConnectionLoss(new SQLException("x", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "40001", "42P01", "57014"})
    void isConnectionLoss_statementFailures_areNot(String state) {
        assertThat(dialect.isConnectionLoss(new SQLException("x", state))).isFalse();
        assertThat(dialect.isConnectionLoss(new SQLException("no state"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001"})
    void isTransientConflict_deadlockAndSerializationFailure_areRetried(String state) {
        assertThat(dialect.isTransientConflict(new SQLException("x", state))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "57P01", "08006", "55P03"})
    void isTransientConflict_otherFailures_areNot(String state) {
        assertThat(dialect.isTransientConflict(new SQLException("x", state))).isFalse();
    }

    @Test
    void lockTimeoutStatement_isTransactionLocal() {
        assertThat(dialect.lockTimeoutStatement(1500)).isEqualTo("SET LOCAL lock_timeout = 1500");
    }
}
