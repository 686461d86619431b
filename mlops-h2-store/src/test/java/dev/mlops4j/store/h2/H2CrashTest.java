package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-level crash test: a child JVM logs from several threads and prints each acknowledged write; it is killed
 * with SIGKILL ({@link Process#destroyForcibly()}) mid-stream, and every write it acknowledged must be in the
 * reopened store.
 */
class H2CrashTest {
    private static final int ACKS_BEFORE_KILL = 400;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void logBatch_acknowledgedBeforeSigkill_isInTheReopenedStore() throws Exception {
        Process child = ChildJvm.start(CrashWriter.class, home.toString());
        int[] lastAck = new int[CrashWriter.THREADS];
        Arrays.fill(lastAck, -1);
        String runId;
        try {
            String first = ChildJvm.readLine(child);
            assertThat(first).startsWith("RUN ");
            runId = first.substring(4);
            for (int acks = 0; acks < ACKS_BEFORE_KILL; acks++) {
                String line = ChildJvm.readLine(child);
                assertThat(line).as("child output").startsWith("ACK ");
                String[] parts = line.split(" ");
                int thread = Integer.parseInt(parts[1]);
                int i = Integer.parseInt(parts[2]);
                assertThat(i).isEqualTo(lastAck[thread] + 1);
                lastAck[thread] = i;
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (MetadataStore store = H2MetadataStore.open(home)) {
            assertThat(store.findRun(runId)).as("the run created before the first acknowledgement").isPresent();
            RunRecord run = store.findRun(runId).orElseThrow();
            for (int t = 0; t < CrashWriter.THREADS; t++) {
                int acknowledged = lastAck[t] + 1;
                List<Metric> history = store.metricHistory(runId, "m" + t, null, 100_000).points();
                assertThat(history.size()).as("points of thread %d", t).isGreaterThanOrEqualTo(acknowledged);
                for (int i = 0; i < acknowledged; i++) {
                    assertThat(history.get(i).step()).isEqualTo(i);
                    assertThat(run.params()).containsEntry("p" + t + "_" + i, "v" + i);
                }
                if (acknowledged > 0) {
                    assertThat(Integer.parseInt(run.tags().get("t" + t))).isGreaterThanOrEqualTo(acknowledged - 1);
                }
            }
        }
    }
}
