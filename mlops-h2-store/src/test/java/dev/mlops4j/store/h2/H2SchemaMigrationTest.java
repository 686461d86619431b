package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mlops4j.Mlops;
import dev.mlops4j.StoreVersionException;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.Audited;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2SchemaMigrationTest {
    @TempDir
    Path home;

    @Test
    void open_freshHome_appliesEveryMigrationOnceWithItsChecksum() throws Exception {
        H2MetadataStore.open(home).close();

        List<String> rows = history();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).startsWith("1|tracking|").matches("1\\|tracking\\|[0-9a-f]{64}");
        assertThat(rows.get(1)).matches("2\\|registry\\|[0-9a-f]{64}");
        assertThat(rows.get(2)).matches("3\\|lineage\\|[0-9a-f]{64}");
        assertThat(rows.get(3)).matches("4\\|lineage states\\|[0-9a-f]{64}");
        assertThat(rows.get(4)).matches("5\\|artifact hashes\\|[0-9a-f]{64}");
        assertThat(home.resolve("mlops.mv.db")).exists();
    }

    @Test
    void open_alreadyMigrated_changesNothingAndKeepsData() throws Exception {
        String experimentId;
        try (MetadataStore store = H2MetadataStore.open(home)) {
            experimentId = Fixtures.experiment(store, "kept");
        }
        List<String> before = historyWithTimes();

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.findExperimentByName("kept")).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(experimentId));
        }
        assertThat(historyWithTimes()).isEqualTo(before);
    }

    @Test
    void open_editedMigration_isRefusedNamingTheMigration() throws Exception {
        H2MetadataStore.open(home).close();
        sql("UPDATE mlops_schema_history SET checksum = '" + "0".repeat(64) + "' WHERE version = 1");

        assertThatThrownBy(() -> H2MetadataStore.open(home))
                .isInstanceOf(StoreVersionException.class)
                .hasMessageContaining("V1 (tracking)")
                .hasMessageContaining("edited");
    }

    @Test
    void open_schemaOfNewerVersion_isRefusedAndLeftUnchanged() throws Exception {
        H2MetadataStore.open(home).close();
        sql("INSERT INTO mlops_schema_history (version, description, checksum, installed_at) VALUES (99, 'future', '"
                + "a".repeat(64) + "', 0)");
        List<String> before = historyWithTimes();

        assertThatThrownBy(() -> H2MetadataStore.open(home))
                .isInstanceOf(StoreVersionException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer mlops4j");
        assertThat(historyWithTimes()).isEqualTo(before);
    }

    @Test
    void open_concurrentFirstOpens_migrateExactlyOnce() throws Exception {
        int openers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MetadataStore>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < openers; i++) {
                opened.add(pool.submit(() -> {
                    start.await();
                    return H2MetadataStore.open(home);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<MetadataStore> f : opened) {
                try (MetadataStore store = f.get()) {
                    ids.add(Fixtures.experiment(store, "shared"));
                }
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(history()).hasSize(6);
    }

    @Test
    void open_storeAtSchemaVersion1_addsTheRegistryAndKeepsTheRuns() throws Exception {
        String runId;
        try (MetadataStore store = H2MetadataStore.open(home)) {
            runId = Fixtures.startRun(store, Fixtures.experiment(store, "old"), "trained before the registry").runId();
        }
        // Turn the file back into what mlops4j with schema version 1 left behind.
        dropLineage();
        for (String table : List.of("mlops_registry_audit_details", "mlops_registry_audit", "mlops_model_approvals",
                "mlops_model_aliases", "mlops_model_version_tags", "mlops_model_versions", "mlops_model_tags",
                "mlops_registered_models", "mlops_registry_state")) {
            sql("DROP TABLE " + table);
        }
        sql("DELETE FROM mlops_schema_history WHERE version >= 2");

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.findRunInfo(runId)).isPresent();
            RegistryStore registry = store.registry().orElseThrow();
            Audited<ModelVersion> created = registry.createVersion(new NewModelVersion("wine", runId, "model",
                    "tribuo", "org.tribuo.Model", null, null, "", Map.of()),
                    RegistryChange.of("alice", Fixtures.at(Fixtures.T0), ""));
            assertThat(created.value().version()).isEqualTo(1);
            assertThat(created.audit()).extracting(AuditEntry::sequence).containsExactly(1L, 2L);
            assertThat(store.lineage()).isPresent();
        }
        assertThat(history()).hasSize(6);
    }

    @Test
    void open_storeAtSchemaVersion2_addsLineageAndKeepsRunsAndRegistry() throws Exception {
        String runId;
        try (MetadataStore store = H2MetadataStore.open(home)) {
            runId = Fixtures.startRun(store, Fixtures.experiment(store, "old"), "registered before lineage").runId();
            store.registry().orElseThrow().createVersion(new NewModelVersion("wine", runId, "model", "tribuo",
                    "org.tribuo.Model", null, null, "", Map.of()), RegistryChange.of("alice", Fixtures.at(Fixtures.T0),
                    ""));
        }
        dropLineage();
        sql("DELETE FROM mlops_schema_history WHERE version >= 3");

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.findRunInfo(runId)).isPresent();
            assertThat(store.registry().orElseThrow().findVersion("wine", 1)).isPresent();
            var lineage = store.lineage().orElseThrow();
            var context = lineage.putContext(dev.mlops4j.lineage.Context.create("pipeline", "wine",
                    Fixtures.at(Fixtures.T0)));
            assertThat(lineage.findContext("pipeline", "wine")).contains(context);
        }
        assertThat(history()).hasSize(6);
    }

    @Test
    void open_storeAtSchemaVersion3_indexesExecutionStatesAndKeepsLineage() throws Exception {
        var running = new dev.mlops4j.lineage.Execution(dev.mlops4j.lineage.Execution.newId(), "train",
                dev.mlops4j.lineage.ExecutionState.RUNNING, "", "", Fixtures.at(Fixtures.T0), null, Map.of());
        try (MetadataStore store = H2MetadataStore.open(home)) {
            store.lineage().orElseThrow().recordExecution(new dev.mlops4j.lineage.ExecutionRecord(running, List.of(),
                    List.of(), List.of()));
        }
        sql("DROP INDEX mlops_artifacts_sha256");
        sql("DROP INDEX mlops_lineage_executions_state");
        sql("DELETE FROM mlops_schema_history WHERE version >= 4");

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.lineage().orElseThrow().findExecution(running.id())).contains(running);
        }
        assertThat(history()).hasSize(6);
        assertThat(query("SELECT index_name FROM information_schema.indexes WHERE"
                + " index_name = 'MLOPS_LINEAGE_EXECUTIONS_STATE'")).hasSize(1);
    }

    @Test
    void open_storeAtSchemaVersion4_indexesArtifactHashesAndKeepsArtifacts() throws Exception {
        try (MetadataStore store = H2MetadataStore.open(home)) {
            String runId = Fixtures.startRun(store, Fixtures.experiment(store, "e"), "r").runId();
            store.putArtifact(runId, new dev.mlops4j.tracking.ArtifactInfo("model.bin", "ab".repeat(32), 3,
                    Fixtures.at(Fixtures.T0)));
        }
        sql("DROP INDEX mlops_artifacts_sha256");
        sql("DELETE FROM mlops_schema_history WHERE version = 5");

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.findArtifactsByHash(List.of("ab".repeat(32)))).hasSize(1);
        }
        assertThat(history()).hasSize(6);
        assertThat(query("SELECT index_name FROM information_schema.indexes WHERE"
                + " index_name = 'MLOPS_ARTIFACTS_SHA256'")).hasSize(1);
    }

    @Test
    void open_goldenStoreOfSchemaVersion5_upgradesKeepingRunsAndLineage() throws Exception {
        copyGolden("v5");
        assertThat(history()).hasSize(5);
        assertThat(indexesOf("MLOPS_LINEAGE_EVENTS")).hasSize(4);
        assertThat(indexesOf("MLOPS_LINEAGE_ATTRIBUTIONS")).hasSize(4);

        try (Mlops mlops = Mlops.builder().home(home).build()) {
            RunRecord run = mlops.runs().search("golden").filter("attributes.run_name = 'train'").first()
                    .orElseThrow();
            RunInfo train = run.info();
            assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.params()).containsEntry("max_depth", "6").containsEntry("trainer", "cart");
            assertThat(run.tags()).containsEntry("team", "risk");
            assertThat(run.latestMetrics().get("accuracy").value()).isEqualTo(0.93);
            assertThat(mlops.runs().metricHistory(train.runId(), "loss").all()).hasSize(5);
            assertThat(mlops.runs().artifacts(train.runId())).extracting(ArtifactInfo::path).contains("notes.txt");
            Context pipeline = mlops.lineage().findContext(Context.PIPELINE, "golden-pipeline").orElseThrow();
            assertThat(mlops.lineage().executions(ExecutionQuery.all().inContext(pipeline.id())))
                    .extracting(Execution::type, Execution::state).containsExactlyInAnyOrder(
                            tuple("make", ExecutionState.COMPLETE), tuple("shout", ExecutionState.COMPLETE),
                            tuple("make", ExecutionState.CACHED), tuple("shout", ExecutionState.CACHED));
            String made = mlops.lineage().executions(ExecutionQuery.all().withType("make")
                    .withStates(ExecutionState.COMPLETE)).get(0).id();
            String text = mlops.lineage().eventsOfExecution(made).get(0).artifactId();
            assertThat(mlops.lineage().downstream(text).executions()).hasSize(2); // shout, executed and cached
        }
        assertThat(history()).hasSize(6);
        // The foreign keys now use the explicit indexes; the duplicates are gone and the keys still hold.
        assertThat(indexesOf("MLOPS_LINEAGE_EVENTS")).hasSize(3).doesNotContain("CONSTRAINT_INDEX_DF6");
        assertThat(indexesOf("MLOPS_LINEAGE_ATTRIBUTIONS")).hasSize(3);
        assertThat(query("SELECT index_name FROM information_schema.table_constraints WHERE constraint_name ="
                + " 'MLOPS_LINEAGE_EVENTS_ARTIFACT_FK'")).containsExactly("MLOPS_LINEAGE_EVENTS_ARTIFACT");
        assertThatThrownBy(() -> sql("INSERT INTO mlops_lineage_events VALUES ('"
                + "0".repeat(32) + "', '" + "1".repeat(32) + "', 'INPUT', 'x', 0)")).isInstanceOf(SQLException.class)
                .hasMessageContaining("Referential integrity");
        assertThat(query("SELECT identity_cache FROM information_schema.columns WHERE table_name = 'MLOPS_RUNS'"
                + " AND column_name = 'RUN_PK'")).containsExactly(Integer.toString(H2SchemaTuning.RUN_ID_CACHE));
    }

    @Test
    void open_freshHome_hasTheTunedForeignKeys() throws Exception {
        H2MetadataStore.open(home).close();
        for (H2SchemaTuning.ForeignKey fk : H2SchemaTuning.DUPLICATED) {
            assertThat(query("SELECT constraint_name FROM information_schema.table_constraints WHERE"
                    + " constraint_type = 'FOREIGN KEY' AND table_name = '" + fk.table() + "' AND constraint_name"
                    + " = '" + fk.name() + "'")).hasSize(1);
        }
        assertThat(indexesOf("MLOPS_LINEAGE_EVENTS")).hasSize(3);
        assertThat(indexesOf("MLOPS_LINEAGE_ATTRIBUTIONS")).hasSize(3);
    }

    private List<String> indexesOf(String table) throws SQLException {
        return query("SELECT index_name FROM information_schema.indexes WHERE table_name = '" + table + "'");
    }

    /** Copies a store written by an earlier mlops4j (see {@code golden/<version>/README.md}) into {@link #home}. */
    private void copyGolden(String version) throws Exception {
        Path golden = Path.of(getClass().getResource("/golden/" + version + "/mlops.mv.db").toURI()).getParent();
        try (var files = Files.walk(golden)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = home.resolve(golden.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    private void dropLineage() throws SQLException {
        for (String table : List.of("mlops_lineage_attributions", "mlops_lineage_events",
                "mlops_lineage_execution_properties", "mlops_lineage_executions", "mlops_lineage_artifact_properties",
                "mlops_lineage_artifacts", "mlops_lineage_contexts")) {
            sql("DROP TABLE " + table);
        }
    }

    private List<String> history() throws SQLException {
        return query("SELECT version || '|' || description || '|' || checksum FROM mlops_schema_history ORDER BY version");
    }

    private List<String> historyWithTimes() throws SQLException {
        return query("SELECT version || '|' || checksum || '|' || installed_at FROM mlops_schema_history ORDER BY version");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private void sql(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + home.resolve("mlops"));
    }
}
