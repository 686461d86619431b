package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine-level crash test: a child JVM logs through {@code Mlops.open(home)} and is killed with SIGKILL; the next
 * {@code Mlops.open(home)} marks its run KILLED (with the reason as a tag) and still has every acknowledged write.
 */
class EngineCrashTest {
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path home;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void open_afterOwnerWasKilled_marksRunKilledAndKeepsEveryAcknowledgedWrite() throws Exception {
        Process child = ChildJvm.start(EngineCrashWriter.class, home.toString());
        int[] lastAck = new int[EngineCrashWriter.THREADS];
        Arrays.fill(lastAck, -1);
        String runId;
        try {
            String first = ChildJvm.readLine(child);
            assertThat(first).startsWith("RUN ").contains("H2 file");
            runId = first.split(" ")[1];
            for (int acks = 0; acks < ACKS_BEFORE_KILL; acks++) {
                String[] parts = ChildJvm.readLine(child).split(" ");
                assertThat(parts[0]).isEqualTo("ACK");
                lastAck[Integer.parseInt(parts[1])] = Integer.parseInt(parts[2]);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (Mlops mlops = Mlops.open(home)) {
            RunRecord run = mlops.runs().get(runId);
            assertThat(run.status()).isEqualTo(RunStatus.KILLED);
            assertThat(run.info().endTime()).isNotNull();
            assertThat(run.tags().get(SystemTags.KILLED_REASON)).isNotBlank();
            for (int t = 0; t < EngineCrashWriter.THREADS; t++) {
                int acknowledged = lastAck[t] + 1;
                List<Metric> history = mlops.runs().metricHistory(runId, "m" + t).all();
                assertThat(history.size()).as("points of thread %d", t).isGreaterThanOrEqualTo(acknowledged);
                for (int i = 0; i < acknowledged; i++) {
                    assertThat(history.get(i).value()).isEqualTo(i);
                    assertThat(run.params()).containsEntry("p" + t + "_" + i, Integer.toString(i));
                }
            }
            assertThat(new String(mlops.runs().readArtifact(runId, "notes.txt"), StandardCharsets.UTF_8))
                    .isEqualTo("written before the crash");
        }
    }
}
