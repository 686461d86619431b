package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several JVMs share one PostgreSQL store at once, from a fresh schema: they race to migrate it and to create the same
 * experiment, log runs, register versions of one model and promote them. Nothing acknowledged is lost or duplicated,
 * version numbers are dense and unique, alias moves form one serial chain, and the audit trail has every change.
 */
class PostgresMultiProcessTest {
    private static final int MEMBERS = 3;
    private static final int RUNS_PER_MEMBER = 6;

    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void severalProcesses_loggingRegisteringAndPromotingAtOnce_loseAndDuplicateNothing() throws Exception {
        String url = DATABASE.newSchemaUrl();
        List<Process> members = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            members.add(ChildJvm.start(TeamMember.class, url, "member" + m, Integer.toString(RUNS_PER_MEMBER)));
        }
        Set<String> runs = new HashSet<>();
        Map<Integer, String> versionRuns = new HashMap<>();
        List<int[]> moves = new ArrayList<>();
        for (Process p : members) {
            List<String> lines = new ArrayList<>();
            for (String line = ChildJvm.readLine(p); line != null; line = ChildJvm.readLine(p)) {
                lines.add(line);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("exit code of a member; its output: %s", lines).isZero();
            assertThat(lines).last().isEqualTo("DONE");
            for (String line : lines) {
                String[] w = line.split(" ");
                switch (w[0]) {
                    case "RUN" -> assertThat(runs.add(w[1])).isTrue();
                    case "VERSION" -> assertThat(versionRuns.put(Integer.parseInt(w[1]), w[2])).as("version %s", w[1]).isNull();
                    case "MOVED" -> moves.add(new int[] {Integer.parseInt(w[1]), Integer.parseInt(w[2])});
                    default -> assertThat(w[0]).isEqualTo("DONE");
                }
            }
        }
        int total = MEMBERS * RUNS_PER_MEMBER;

        try (MetadataStore store = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()))) {
            // One experiment, although every member created it at the same moment.
            List<ExperimentInfo> experiments = store.listExperiments();
            assertThat(experiments).extracting(ExperimentInfo::name).containsExactly("team");
            // Every acknowledged run is there, complete, and there is no other.
            assertThat(store.searchRuns(new SearchRequest(List.of(experiments.get(0).id()), null, List.of(), 1000, null)).runs())
                    .extracting(r -> r.info().runId()).containsExactlyInAnyOrderElementsOf(runs);
            for (String runId : runs) {
                RunRecord run = store.findRun(runId).orElseThrow();
                assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
                assertThat(run.params()).hasSize(TeamMember.BATCHES);
                assertThat(store.countMetricHistory(runId, "loss")).isEqualTo((long) TeamMember.BATCHES * TeamMember.POINTS);
            }

            RegistryStore registry = store.registry().orElseThrow();
            // Version numbers: dense from 1, unique, each the one its member was told, on that member's run.
            List<ModelVersion> versions = registry.listVersions(TeamMember.MODEL);
            assertThat(versions).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
            for (ModelVersion v : versions) {
                assertThat(v.runId()).isEqualTo(versionRuns.get(v.version()));
            }

            // Alias moves: one chain, each move from the holder the previous move left, ending at the holder.
            List<AuditEntry> audit = registry.audit(AuditFilter.builder().model(TeamMember.MODEL).build());
            List<AuditEntry> moved = audit.stream().filter(e -> e.action() == AuditAction.ALIAS_MOVED).toList();
            assertThat(moved).hasSize(moves.size());
            int holder = RegistryStore.NO_VERSION;
            for (AuditEntry e : moved) {
                assertThat(e.previousVersion() == null ? RegistryStore.NO_VERSION : e.previousVersion()).isEqualTo(holder);
                assertThat(e.version()).isGreaterThan(holder);
                holder = e.version();
            }
            assertThat(registry.findAlias(TeamMember.MODEL, TeamMember.ALIAS).orElseThrow().version()).isEqualTo(holder);
            // The last registered version was promoted by its member unless a newer one was champion: the top wins.
            assertThat(holder).isEqualTo(total);

            // The audit trail: the model created once, every registration, every move; sequence numbers unique and
            // increasing.
            assertThat(audit.stream().filter(e -> e.action() == AuditAction.MODEL_CREATED)).hasSize(1);
            assertThat(audit.stream().filter(e -> e.action() == AuditAction.VERSION_REGISTERED).map(AuditEntry::version))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
            assertThat(audit).extracting(AuditEntry::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(audit).hasSize(1 + total + moves.size());
        }
    }
}
