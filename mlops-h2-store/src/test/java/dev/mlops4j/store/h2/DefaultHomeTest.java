package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.tracking.RunStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Mlops.open()} with no arguments: the embedded H2 file store under {@code -Dmlops.home}. */
class DefaultHomeTest {
    @TempDir
    Path home;

    @Test
    void open_noArguments_usesTheH2FileUnderTheConfiguredHome() {
        String before = System.getProperty("mlops.home");
        System.setProperty("mlops.home", home.toString());
        String runId;
        try (Mlops mlops = Mlops.open()) {
            runId = mlops.experiment("default-home").run("r", run -> {
                run.logMetric("m", 1.0);
            });
            assertThat(mlops.home()).contains(home.toAbsolutePath().normalize());
            assertThat(mlops.describeStore()).startsWith("H2 file ").contains(home.toString());
        } finally {
            if (before == null) {
                System.clearProperty("mlops.home");
            } else {
                System.setProperty("mlops.home", before);
            }
        }

        assertThat(home.resolve(H2MetadataStore.DATABASE_NAME + ".mv.db")).isRegularFile();
        try (Mlops reopened = Mlops.open(home)) {
            assertThat(reopened.runs().get(runId).status()).isEqualTo(RunStatus.FINISHED);
        }
    }
}
