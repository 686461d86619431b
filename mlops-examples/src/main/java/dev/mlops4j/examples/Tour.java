package dev.mlops4j.examples;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.report.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The README's demo: a guided tour of mlops4j on the embedded store in {@code ./mlops-data} (or {@code $MLOPS_HOME},
 * {@code -Dmlops.home}), telling the example stories one after the other on real data.
 *
 * <ol>
 *   <li>tracking: a hyperparameter sweep on Wine as nested runs, searched and compared ({@link QuickStart});</li>
 *   <li>data: a Wine copy with planted faults validated against an inferred schema, constraint checks, Seattle's
 *       weather drifting between years ({@link DataQualityStory});</li>
 *   <li>registry and serving: two Tribuo models gated, registered, promoted and served, the worse one rejected as
 *       a challenger ({@link WineRegistryStory});</li>
 *   <li>continuous training: a pipeline trains on two years of weather, the production model serves the next two
 *       day by day under a monitor, and a trigger retrains it when a window drifts or live accuracy falls
 *       ({@link ContinuousTrainingStory}). This part uses a new store under the home each time, so that every tour
 *       starts the loop from an empty registry and trigger history.</li>
 * </ol>
 *
 * <p>Every part prints what it does and how long it took; the tour writes HTML reports (run comparison, validation,
 * drift, two model cards and an index page linking them) to {@code <home>/reports} and ends by saying what it wrote
 * where and what to open first. A second tour on the same home adds to the same store. Run it with
 * {@code mvn -B -q -Pdemo package} from the repository root.
 */
public final class Tour {
    /** The page linking every report, the one to open first. */
    static final String INDEX = "index.html";
    static final String CT_MODEL_CARD = "seattle-weather-model-card.html";
    private static final int PARTS = 4;

    private Tour() {
    }

    /**
     * One report the tour wrote.
     *
     * @param file where it is
     * @param title what it is
     * @param shows what to look at in it
     */
    record WrittenReport(Path file, String title, String shows) {
    }

    /**
     * What the tour did, for the caller to look at.
     *
     * @param tracking the sweep
     * @param data the validation and drift story
     * @param registry the registry story
     * @param training the continuous-training story
     * @param trainingHome the store the continuous-training story used
     * @param reports every report written, the index first
     */
    record Outcome(QuickStart.Outcome tracking, DataQualityStory.Outcome data, WineRegistryStory.Outcome registry,
                   ContinuousTrainingStory.Outcome training, Path trainingHome, List<WrittenReport> reports) {
        Path index() {
            return reports.get(0).file();
        }
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        ExampleLogging.quiet();
        try (Mlops mlops = Mlops.open()) {
            run(mlops, System.out);
        }
    }

    /**
     * Tells every story against the given embedded store, writes the reports under its home and prints a summary.
     *
     * @param mlops an embedded store (it needs a home for the reports and the continuous-training store)
     * @param out where to print the tour
     * @return what was done and written
     * @throws InvalidInputException if the store has no home (an in-memory store)
     */
    static Outcome run(Mlops mlops, PrintStream out) {
        Path home = mlops.home().orElseThrow(() -> new InvalidInputException(
                "the tour writes its reports next to the store: open it with a home (Mlops.open(path)), not in memory"))
                .toAbsolutePath().normalize();
        Path reports = home.resolve("reports");
        Progress progress = new Progress(out);
        out.println("mlops4j guided tour, on " + mlops.describeStore());

        progress.start(1, "Tracking: a hyperparameter sweep on UCI Wine, searched and compared");
        QuickStart.Outcome tracking = QuickStart.run(mlops, reports, out);
        progress.done();

        progress.start(2, "Data: validation against an inferred schema, constraint checks and drift");
        DataQualityStory.Outcome data = DataQualityStory.run(mlops, reports, out);
        progress.done();

        progress.start(3, "Registry and serving: gate, register, promote and serve two Tribuo models");
        WineRegistryStory.Outcome registry = WineRegistryStory.run(mlops, reports, out);
        progress.done();

        progress.start(4, "Continuous training: a pipeline, a monitored model serving two years day by day, and a"
                + " trigger that retrains it on drift or falling accuracy (the longest part: a line per 30 days"
                + " served)");
        Path trainingHome;
        ContinuousTrainingStory.Outcome training;
        Path trainingCard;
        try {
            trainingHome = ContinuousTrainingStory.freshHome(home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a store directory under " + home, e);
        }
        try (Mlops loop = Mlops.open(trainingHome)) {
            out.println("   in its own store, so that every tour starts the loop afresh: " + loop.describeStore());
            training = ContinuousTrainingStory.run(loop, trainingHome.resolve("data"), out);
            trainingCard = Reports.modelCard(loop, ContinuousTrainingStory.MODEL, training.production().version())
                    .writeTo(reports.resolve(CT_MODEL_CARD));
        }
        out.println("\nWrote the final production model's card to " + trainingCard);
        progress.done();

        List<WrittenReport> written = new ArrayList<>();
        written.add(new WrittenReport(tracking.report(), "Run comparison",
                "the four runs of the sweep side by side, their per-fold accuracy curves"));
        written.add(new WrittenReport(data.reports().get(0), "Data validation",
                "the three planted faults with their lines, and a chart per column"));
        written.add(new WrittenReport(data.reports().get(1), "Data drift",
                "Seattle's 2015 weather against 2012's, each column's test and distributions"));
        written.add(new WrittenReport(registry.modelCard(), "Model card: wine",
                "the production model: its training run, metrics with a chart each, gates, audit trail"));
        written.add(new WrittenReport(trainingCard, "Model card: seattle-weather",
                "the model in production after the loop: the retraining run that made it, its gate, its lineage"));
        Path index = writeIndex(reports.resolve(INDEX), written);
        written.add(0, new WrittenReport(index, "Index", "links to every report below"));
        Outcome outcome = new Outcome(tracking, data, registry, training, trainingHome, List.copyOf(written));
        summarize(out, home, outcome, progress);
        return outcome;
    }

    private static void summarize(PrintStream out, Path home, Outcome outcome, Progress progress) {
        out.printf(Locale.ROOT, "%n== Done in %s. What was written where:%n", progress.total());
        out.println("   metadata store    " + home.resolve("mlops.mv.db") + " (H2: experiments "
                + QuickStart.EXPERIMENT + ", " + DataQualityStory.EXPERIMENT + ", " + WineRegistryStory.EXPERIMENT
                + "; model '" + WineRegistryStory.MODEL + "')");
        out.println("   artifacts         " + home.resolve("artifacts") + " (models, profiles, schemas, validation and"
                + " drift results, confusion matrices; content-addressed by SHA-256)");
        out.println("   training loop     " + outcome.trainingHome() + " (its own store: model '"
                + ContinuousTrainingStory.MODEL + "', pipeline runs, trigger firings, training data)");
        out.println("   HTML reports      " + home.resolve("reports") + ":");
        for (WrittenReport r : outcome.reports()) {
            out.printf(Locale.ROOT, "     %-32s %s: %s%n", r.file().getFileName(), r.title(), r.shows());
        }
        out.println();
        out.println("Open first: " + outcome.index().toUri());
        out.println("Explore the store in JShell: bin/jshell, then");
        out.println("   var mlops = dev.mlops4j.Mlops.open(java.nio.file.Path.of(\"" + home + "\"));");
        out.println("   mlops.runs().search(\"" + QuickStart.EXPERIMENT + "\").orderBy(\"metrics.accuracy DESC\")"
                + ".list()");
        out.println("or the notebook quick start: bin/jshell mlops-examples/jshell/quickstart.jsh");
        out.println("Run the tour again and its runs and model versions add up in the same store.");
    }

    /** A page of links with what each report shows: plain HTML, no script, nothing fetched. */
    static Path writeIndex(Path file, List<WrittenReport> reports) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
                + "<title>mlops4j tour: reports</title><style>body{font-family:system-ui,sans-serif;max-width:52em;"
                + "margin:2em auto;line-height:1.5}li{margin:.6em 0}</style></head><body>\n"
                + "<h1>mlops4j tour: reports</h1>\n<p>Written by the guided tour; each page is self-contained.</p>\n"
                + "<ul>\n");
        for (WrittenReport r : reports) {
            String name = r.file().getFileName().toString();
            html.append("<li><a href=\"").append(escape(name)).append("\">").append(escape(r.title()))
                    .append("</a>: ").append(escape(r.shows())).append("</li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Prints each part's header and, when it ends, how long it took and how long the tour has run. */
    private static final class Progress {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long partStarted;
        private int part;

        Progress(PrintStream out) {
            this.out = out;
        }

        void start(int number, String title) {
            part = number;
            partStarted = System.nanoTime();
            out.printf(Locale.ROOT, "%n== [%d/%d] %s (at %s)%n", number, PARTS, title, seconds(started));
        }

        void done() {
            out.printf(Locale.ROOT, "== [%d/%d] done in %s (tour so far %s)%n", part, PARTS, seconds(partStarted),
                    seconds(started));
        }

        String total() {
            return seconds(started);
        }

        private static String seconds(long since) {
            return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
        }
    }
}
