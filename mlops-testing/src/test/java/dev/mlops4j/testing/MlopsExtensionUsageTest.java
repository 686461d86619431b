package dev.mlops4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extension used the way users use it: declared on the class, instances injected into tests. */
@ExtendWith(MlopsExtension.class)
class MlopsExtensionUsageTest {

    @Test
    void inMemory_freshInstance_isEmptyAndRecordsRuns(Mlops mlops) {
        assertThat(mlops.experiments()).isEmpty();
        assertThat(mlops.home()).isEmpty();

        String id = mlops.experiment("usage").run("baseline", run -> run.logParam("model", "cart").logMetric("acc", 0.9));

        assertThat(mlops.runs().get(id).metric("acc")).hasValue(0.9);
    }

    @Test
    @MlopsStore(StoreKind.TEMPORARY_H2)
    void temporaryH2_closedAndReopened_keepsTheRun(Mlops mlops) {
        Path home = mlops.home().orElseThrow();
        String id;
        try (Run run = mlops.experiment("usage").startRun("durable")) {
            run.logParam("model", "cart").logMetric("acc", 0.75);
            id = run.id();
        }
        mlops.close();

        try (Mlops reopened = Mlops.open(home)) {
            assertThat(reopened.runs().get(id).status()).isEqualTo(RunStatus.FINISHED);
            assertThat(reopened.runs().get(id).metric("acc")).hasValue(0.75);
        }
    }
}
