package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.tck.ChildJvm;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed in the middle of a step leaves its execution RUNNING; the next {@code Mlops.open} marks the step's
 * tracking run KILLED (the owner is dead) and then the execution FAILED, saying why.
 */
class PipelineCrashTest {
    @TempDir
    Path home;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void open_afterTheJvmDiedInAStep_marksTheRunningExecutionFailed() throws Exception {
        Process child = ChildJvm.start(PipelineCrashWriter.class, home.toString());
        String stepRunId;
        try {
            String line = ChildJvm.readLine(child);
            assertThat(line).startsWith("RUNNING ");
            stepRunId = line.substring("RUNNING ".length());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (Mlops mlops = Mlops.open(home)) {
            assertThat(mlops.runs().get(stepRunId).status()).isEqualTo(RunStatus.KILLED);
            List<Execution> hang = mlops.lineage().executions(ExecutionQuery.all().withType("hang"));
            assertThat(hang).singleElement().satisfies(e -> {
                assertThat(e.state()).isEqualTo(ExecutionState.FAILED);
                assertThat(e.runId()).isEqualTo(stepRunId);
                assertThat(e.endedAt()).isNotNull();
                assertThat(e.properties().get("abandoned")).contains(stepRunId).contains("KILLED");
            });
            // Its input was recorded when it started; it produced nothing.
            assertThat(mlops.lineage().eventsOfExecution(hang.get(0).id())).extracting(Event::type, Event::name)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.INPUT, "upper"));
            assertThat(mlops.lineage().executions(ExecutionQuery.all().withType("upper")))
                    .extracting(Execution::state).containsExactly(ExecutionState.COMPLETE);
            assertThat(mlops.lineage().executions(ExecutionQuery.all().withStates(ExecutionState.RUNNING))).isEmpty();
        }
    }
}
