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
    void quickstartJsh_runsEverySnippet_andPrintsTablesComparisonAndReport() throws Exception {
        String output = JShellScript.run(script(), System.getProperty("java.class.path"));

        assertThat(output).contains("run_id").contains("lr-0.04").contains("lr-0.001");
        assertThat(output).contains("Comparison of 3 runs (baseline lr-0.04 (")
                .contains("1 of 3 params and 3 of 3 metrics differ")
                .contains("learning_rate");
        assertThat(output).containsPattern("Run [0-9a-f]{32} 'lr-0\\.04' FINISHED");
        Matcher written = Pattern.compile("Report written to (\\S+); open file:").matcher(output);
        assertThat(written.find()).as("report path in:\n%s", output).isTrue();
        Path report = Path.of(written.group(1));
        try {
            String html = Files.readString(report, StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("aria-label=\"mse\"")
                    .doesNotContain("<script");
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(report.getParent());
        }
    }
}
