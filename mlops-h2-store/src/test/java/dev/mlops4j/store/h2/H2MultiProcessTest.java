package dev.mlops4j.store.h2;

import static dev.mlops4j.store.h2.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.spi.StoreFeature;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs share one file store through H2's AUTO_SERVER mode ({@code h2.autoServer=true}). */
class H2MultiProcessTest {
    private static final int CHILD_POINTS = 200;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void autoServer_twoProcessesWritingAtOnce_bothSeeEverything() throws Exception {
        try (MetadataStore store = H2MetadataStore.open(new StoreConfig(null, home,
                Map.of(H2MetadataStore.AUTO_SERVER, "true")))) {
            assertThat(store.features()).contains(StoreFeature.MULTI_PROCESS);
            String exp = Fixtures.experiment(store, "shared");
            RunInfo mine = Fixtures.startRun(store, exp, "parent");

            Process child = ChildJvm.start(SharedStoreWriter.class, home.toString(), Integer.toString(CHILD_POINTS));
            int i = 0;
            while (child.isAlive() && i < 100_000) {
                store.logBatch(mine.runId(), Fixtures.metrics(new Metric("m", i, i, at(Fixtures.T0 + i))));
                i++;
            }
            String done = ChildJvm.readLine(child);
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();

            assertThat(done).startsWith("DONE " + exp + " ").contains("MULTI_PROCESS");
            String childRun = done.split(" ")[2];
            RunRecord record = store.findRun(childRun).orElseThrow();
            assertThat(record.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(record.tags()).containsEntry("by", "child");
            assertThat(record.params()).hasSize(CHILD_POINTS);
            assertThat(store.countMetricHistory(childRun, "m")).isEqualTo(CHILD_POINTS);
            assertThat(store.countMetricHistory(mine.runId(), "m")).isEqualTo(i);
        }
    }
}
