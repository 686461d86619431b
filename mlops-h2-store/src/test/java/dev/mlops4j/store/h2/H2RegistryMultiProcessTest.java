package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tck.ChildJvm;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs register versions of one model and promote them through one H2 file store shared in AUTO_SERVER mode: the
 * registry lock must keep version numbers dense and unique across processes, alias moves one consistent chain and
 * audit sequence numbers dense.
 */
class H2RegistryMultiProcessTest {
    private static final int PER_PROCESS = 30;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void registerAndPromote_twoProcessesAtOnce_denseNumbersAndOneAliasChain() throws Exception {
        try (MetadataStore store = H2MetadataStore.open(new StoreConfig(null, home,
                Map.of(H2MetadataStore.AUTO_SERVER, "true")))) {
            String runId = Fixtures.startRun(store, Fixtures.experiment(store, "registry"), "trained").runId();
            RegistryStore registry = store.registry().orElseThrow();

            Process child = ChildJvm.start(RegistryChildWriter.class, home.toString(), runId,
                    Integer.toString(PER_PROCESS));
            assertThat(ChildJvm.readLine(child)).isEqualTo("READY");
            try (Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                go.write("go\n");
            }
            List<Integer> mine = RegistryChildWriter.registerAndPromote(registry, runId, PER_PROCESS, "parent");
            String done = ChildJvm.readLine(child);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(done).startsWith("DONE ");
            List<Integer> theirs = Arrays.stream(done.substring(5).split(",")).map(Integer::valueOf).toList();

            List<Integer> all = new ArrayList<>(mine);
            all.addAll(theirs);
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 2 * PER_PROCESS).boxed().toList());
            assertThat(registry.listVersions("wine")).extracting(ModelVersion::version)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * PER_PROCESS).boxed().toList());
            assertThat(registry.listVersions("wine")).filteredOn(v -> v.tags().get("by").equals("child"))
                    .extracting(ModelVersion::version).containsExactlyInAnyOrderElementsOf(theirs);

            List<AuditEntry> trail = registry.audit(AuditFilter.builder().limit(AuditFilter.MAX_LIMIT).build());
            assertThat(trail).extracting(AuditEntry::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, trail.size()).boxed().toList());
            List<AuditEntry> moves = trail.stream().filter(e -> e.action() == AuditAction.ALIAS_MOVED).toList();
            assertThat(moves).hasSize(2 * PER_PROCESS);
            Integer holder = null;
            for (AuditEntry move : moves) {
                assertThat(move.previousVersion()).as("previous holder of move #%s", move.sequence()).isEqualTo(holder);
                holder = move.version();
            }
            assertThat(registry.findAlias("wine", "production").orElseThrow().version()).isEqualTo(holder);
            assertThat(moves).extracting(AuditEntry::user).contains("parent", "child");
        }
    }
}
