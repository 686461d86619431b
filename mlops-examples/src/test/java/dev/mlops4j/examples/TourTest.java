package dev.mlops4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.tracking.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's demo, the guided tour, twice on one H2 store in a temporary directory: the first tour must tell
 * every story and write every report it lists, the second must add to the same store instead of failing.
 */
class TourTest {
    private static final List<String> REPORTS = List.of("index.html", "wine-quickstart.html", "wine-validation.html",
            "weather-drift.html", "wine-model-card.html", "seattle-weather-model-card.html");

    @TempDir
    Path home;

    @Test
    void run_twiceOnOneHome_tellsEveryStoryWritesTheReportsAndAddsToTheSameStore() throws Exception {
        String first = tour();
        Path reports = home.toAbsolutePath().resolve("reports");
        for (String name : REPORTS) {
            assertThat(reports.resolve(name)).isNotEmptyFile();
            assertThat(first).contains(reports.resolve(name).getFileName().toString());
        }
        // Progress for each part, with its time, and a summary naming absolute paths and what to open first.
        for (int part = 1; part <= 4; part++) {
            assertThat(first)
                    .containsPattern("== \\[" + part + "/4\\] done in \\d+\\.\\d s \\(tour so far \\d+\\.\\d s\\)");
        }
        assertThat(first).contains("Open first: " + reports.resolve("index.html").toUri())
                .contains(home.toAbsolutePath().resolve("mlops.mv.db").toString())
                .contains("bin/jshell mlops-examples/jshell/quickstart.jsh")
                .containsPattern("== Done in \\d+\\.\\d s\\.");
        // The index links every other report, by a relative link that opens beside it.
        String index = Files.readString(reports.resolve("index.html"), StandardCharsets.UTF_8);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(index.replace("<!DOCTYPE html>", "")
                        .getBytes(StandardCharsets.UTF_8)));
        for (String name : REPORTS.subList(1, REPORTS.size())) {
            assertThat(index).contains("<a href=\"" + name + "\">");
        }
        assertThat(index).doesNotContain("<script");
        assertThat(Files.readString(reports.resolve("seattle-weather-model-card.html"), StandardCharsets.UTF_8))
                .contains("models:/seattle-weather/");

        String second = tour();
        assertThat(second).contains("Open first: " + reports.resolve("index.html").toUri());
        try (Mlops mlops = Mlops.open(home)) {
            assertThat(mlops.runs().search(QuickStart.EXPERIMENT).list()).hasSize(10)
                    .allMatch(r -> r.status() == RunStatus.FINISHED);
            assertThat(mlops.runs().search(DataQualityStory.EXPERIMENT).list()).hasSize(4);
            // The second tour's champion equals the first's (same data, same seed): not worse, so it is promoted.
            assertThat(mlops.models().versions(WineRegistryStory.MODEL)).hasSize(4);
            assertThat(mlops.models().findByAlias(WineRegistryStory.MODEL, "production").orElseThrow().version())
                    .isEqualTo(3);
        }
        assertThat(second).containsPattern("PROMOTION_REJECTED +wine +v4 +@production");
        // Each tour's training loop had a store of its own.
        try (Stream<Path> loops = Files.list(home)) {
            assertThat(loops.filter(p -> p.getFileName().toString().startsWith("continuous-training-")))
                    .hasSize(2).allSatisfy(p -> assertThat(p.resolve("mlops.mv.db")).isNotEmptyFile());
        }
        Matcher loop = Pattern.compile("training loop +(\\S+) ").matcher(second);
        assertThat(loop.find()).isTrue();
        assertThat(Path.of(loop.group(1))).isAbsolute().isDirectory();
    }

    @Test
    void run_inMemory_refusesWithWhatToDoInstead() {
        try (Mlops mlops = Mlops.inMemory()) {
            assertThatThrownBy(() -> Tour.run(mlops, new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Mlops.open(path)");
        }
    }

    private String tour() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Mlops mlops = Mlops.open(home); PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            Tour.Outcome outcome = Tour.run(mlops, out);
            assertThat(outcome.reports()).hasSize(REPORTS.size());
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
