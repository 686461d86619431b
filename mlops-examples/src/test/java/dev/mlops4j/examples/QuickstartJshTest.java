package dev.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs mlops-examples/jshell/quickstart.jsh as JShell would, so the notebook quick start never rots. */
class QuickstartJshTest {

    private static Path script() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("mlops-examples/jshell/quickstart.jsh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            if (Files.isRegularFile(dir.resolve("jshell/quickstart.jsh"))) {
                return dir.resolve("jshell/quickstart.jsh");
            }
        }
        throw new AssertionError("quickstart.jsh not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void quickstartJsh_runsEverySnippet_andPrintsTablesComparisonGateDataChecksAndReports() throws Exception {
        String output = JShellScript.run(script(), System.getProperty("java.class.path"));

        assertThat(output).contains("run_id").contains("lr-0.04").contains("lr-0.001");
        assertThat(output).contains("Comparison of 3 runs (baseline lr-0.04 (")
                .contains("1 of 3 params and 3 of 3 metrics differ")
                .contains("learning_rate");
        assertThat(output).containsPattern("Run [0-9a-f]{32} 'lr-0\\.04' FINISHED");
        assertThat(output).contains("Gate 'quality' on run ").contains("PASSED  mse <= 0.06");
        assertThat(output).contains("Profile of iris.csv: 150 rows, 5 columns")
                .containsPattern("species +CATEGORICAL +required");
        assertThat(output).contains("Validation of batch.csv: INVALID, 3 rows, 2 errors")
                .containsPattern("ERROR +petal_length +VALUE_ABOVE_RANGE .*47(\\.0)? \\(line 3\\)")
                .containsPattern("ERROR +species +UNEXPECTED_CATEGORICAL_VALUE .*iris-x \\(line 4\\)");
        assertThat(output).containsPattern("DRIFT: \\d of 5 judged columns drifted");
        Matcher written = Pattern.compile("Reports written to (\\S+): \\[iris-sweep.html, iris-validation.html,"
                + " iris-drift.html\\]; open file:").matcher(output);
        assertThat(written.find()).as("reports line in:\n%s", output).isTrue();
        Path dir = Path.of(written.group(1));
        try {
            assertThat(Files.readString(dir.resolve("iris-sweep.html"), StandardCharsets.UTF_8))
                    .startsWith("<!DOCTYPE html>").contains("<svg").contains("aria-label=\"mse\"")
                    .doesNotContain("<script");
            assertThat(Files.readString(dir.resolve("iris-validation.html"), StandardCharsets.UTF_8))
                    .contains("VALUE_ABOVE_RANGE").doesNotContain("<script");
            assertThat(Files.readString(dir.resolve("iris-drift.html"), StandardCharsets.UTF_8))
                    .contains("<svg").doesNotContain("<script");
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
