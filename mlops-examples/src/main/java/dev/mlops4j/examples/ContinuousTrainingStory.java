package dev.mlops4j.examples;

import dev.mlops4j.Mlops;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateFailedException;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.lineage.LineageGraph;
import dev.mlops4j.monitoring.PredictionMonitor;
import dev.mlops4j.monitoring.WindowReference;
import dev.mlops4j.monitoring.WindowReport;
import dev.mlops4j.monitoring.WindowSpan;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineResult;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import dev.mlops4j.pipeline.StepFailedException;
import dev.mlops4j.pipeline.components.Components;
import dev.mlops4j.pipeline.components.GateOutcome;
import dev.mlops4j.pipeline.components.Metrics;
import dev.mlops4j.pipeline.components.PromotionRecord;
import dev.mlops4j.pipeline.components.RegisteredVersion;
import dev.mlops4j.pipeline.components.TrainedModel;
import dev.mlops4j.pipeline.tribuo.TribuoComponents;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.tribuo.TrackedModel;
import dev.mlops4j.tribuo.TribuoTracking;
import dev.mlops4j.trigger.ConcurrencyPolicy;
import dev.mlops4j.trigger.Firing;
import dev.mlops4j.trigger.FiringRecord;
import dev.mlops4j.trigger.ManualScheduler;
import dev.mlops4j.trigger.Trigger;
import dev.mlops4j.trigger.Triggers;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.schema.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.data.csv.CSVLoader;

/**
 * The continuous-training loop on the Seattle weather data: a pipeline trains a classifier of the day's
 * {@code weather} (sun, rain, fog, drizzle, snow) from precipitation, temperatures and wind on 2012–2013 and promotes
 * it; the production model then serves 2014–2015 day by day through a {@link ModelHandle} that records every
 * prediction into a {@link PredictionMonitor}; each day's true weather arrives the next day. Every 30 days a window
 * closes with its drift and its live accuracy. A trigger watches both: when a window's features drifted from the
 * same dates of the training years, or a fully labelled window fails the live gate, it starts the same pipeline on
 * the most recent labelled days; the challenger is gated against the champion on the same recent hold-out, and
 * promoted or rejected. At the end the lineage of the production model shows which data made it.
 *
 * <p>Two kinds of drift are in this data. Seasons: against the whole of 2012–2013, nearly every 30-day window drifts
 * in temperature (a January is not an average year), which says nothing a retraining could fix; so each window is
 * compared with the same calendar dates of 2012 and 2013 (a {@link WindowReference} chosen per window), and what
 * remains is weather unlike those years' (the warm winter of 2014–2015 and the hot summer of 2015). Labels: from 2014
 * on, wet days are mostly labelled {@code fog} rather than {@code rain}, so a model that learned "wet means rain"
 * loses accuracy in a way no feature shows; only the live accuracy sees it. The trigger waits one quiet day after an
 * event (debounce), so that a window's drift, known when it closes, and its accuracy, known a day later with its last
 * label, make one firing whose reason names both. Whatever happens is printed; nothing here is scripted.
 *
 * <p>Run it with {@code mvn -B -q -Pdemo package -Ddemo.mainClass=dev.mlops4j.examples.ContinuousTrainingStory} from
 * the repository root. It uses a fresh embedded store under {@code ./mlops-data} (or {@code $MLOPS_HOME}) each time,
 * so a second run tells the same story instead of continuing the first one's registry and trigger history.
 */
public final class ContinuousTrainingStory {
    static final String MODEL = "seattle-weather";
    static final String RESPONSE = "weather";
    static final String ALIAS = "production";
    /** The served days are cut into windows of this many predictions. */
    static final int WINDOW_DAYS = 30;
    /** A retraining learns from this many of the most recent labelled days. */
    static final int RECENT_DAYS = 90;
    /** Every candidate must at least reach this accuracy on its own hold-out before it is registered. */
    static final Gate QUALITY = Gate.metric("accuracy").atLeast(0.6).named("quality");
    /** What a full, fully labelled window must reach live, or the trigger starts a retraining: the same bar. */
    static final Gate LIVE = Gate.metric("accuracy").atLeast(0.6).named("live-accuracy");
    /**
     * The share of the features that must drift from the same dates of the training years to start a retraining: both
     * temperatures (two of four). One feature alone moves in about one window in four by chance on 30 days.
     */
    static final double DRIFT_SHARE = 0.5;
    static final String TRIGGER = "retrain-on-drift-or-accuracy";

    static final Slot<Path> CSV = Slot.of("weather_csv", Path.class).artifactType("Dataset");
    static final Slot<String> DATA = Components.csvSlot("data");
    static final Slot<Profile> PROFILE = Components.profileSlot("profile");
    static final Slot<Schema> SCHEMA = Components.schemaSlot("schema");
    static final Slot<ValidationReport> VALIDATION = Components.validationSlot("validation");
    static final Slot<String> TRAIN = Components.csvSlot("train_rows");
    static final Slot<String> TEST = Components.csvSlot("test_rows");
    @SuppressWarnings("rawtypes")
    static final Slot<Model> TRAINED = TribuoComponents.modelSlot("model");
    static final Slot<TrainedModel> SAVED = Components.trainedModelSlot("saved_model");
    static final Slot<Metrics> METRICS = Components.metricsSlot("metrics");
    static final Slot<GateOutcome> GATE = Components.gateSlot("gate");
    static final Slot<RegisteredVersion> VERSION = Components.versionSlot("version");
    static final Slot<PromotionRecord> PROMOTION = Components.promotionSlot("promotion");

    private static final long SEED = 42L;
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT);
    private static final String HEADER = "precipitation,temp_max,temp_min,wind,weather";

    private ContinuousTrainingStory() {
    }

    /** One day of the data set. */
    record Day(LocalDate date, double precipitation, double tempMax, double tempMin, double wind, String weather) {
        Map<String, Double> features() {
            Map<String, Double> f = new TreeMap<>();
            f.put("precipitation", precipitation);
            f.put("temp_max", tempMax);
            f.put("temp_min", tempMin);
            f.put("wind", wind);
            return f;
        }

        String csvRow() {
            return precipitation + "," + tempMax + "," + tempMin + "," + wind + "," + weather;
        }
    }

    /**
     * What one retraining did.
     *
     * @param firing why it ran
     * @param dataFile the recent data it trained on
     * @param pipelineRunId the pipeline run
     * @param challenger the version it registered, if it passed the quality gate
     * @param promotion the promotion step's record, if it got that far
     * @param challengerAccuracy the challenger's accuracy on the recent hold-out, NaN if not evaluated
     * @param championAccuracy the champion's accuracy on the same hold-out, NaN if not evaluated
     * @param failure why the pipeline stopped early, if it did
     */
    record Retraining(Firing firing, Path dataFile, String pipelineRunId, Optional<RegisteredVersion> challenger,
                      Optional<PromotionRecord> promotion, double challengerAccuracy, double championAccuracy,
                      Optional<String> failure) {
    }

    /**
     * What the story did, for the caller to look at.
     *
     * @param initial the first pipeline run's promotion
     * @param windows every monitoring window
     * @param firings the trigger's recorded firings
     * @param retrainings what each firing's pipeline did
     * @param production the production version at the end
     * @param lineage the production version's upstream lineage
     * @param trainingFile the 2012–2013 training file
     */
    record Outcome(PromotionRecord initial, List<WindowReport> windows, List<FiringRecord> firings,
                   List<Retraining> retrainings, ModelVersion production, LineageGraph lineage, Path trainingFile) {
    }

    /**
     * @param args ignored
     * @throws IOException if the store directory cannot be made
     */
    public static void main(String[] args) throws IOException {
        ExampleLogging.quiet();
        String configured = System.getProperty("mlops.home", System.getenv("MLOPS_HOME"));
        Path home = freshHome(Path.of(configured == null ? "mlops-data" : configured));
        try (Mlops mlops = Mlops.open(home)) {
            System.out.println("mlops4j continuous-training story");
            System.out.println("  store: " + mlops.describeStore());
            run(mlops, home.resolve("data"), System.out);
        }
    }

    /**
     * @param base the directory holding the stores
     * @return a new, empty store directory under it, for one telling of the story
     * @throws IOException if it cannot be made
     */
    static Path freshHome(Path base) throws IOException {
        return Files.createDirectories(base.resolve("continuous-training-" + System.currentTimeMillis()));
    }

    /**
     * Tells the story against any store.
     *
     * @param mlops where to track, register, serve and record trigger firings
     * @param dataDir where the training and retraining CSV files are written
     * @param out where to print the story
     * @return what happened
     */
    static Outcome run(Mlops mlops, Path dataDir, PrintStream out) {
        List<Day> all = read(ExampleData.file("seattle-weather.csv"));
        List<Day> training = all.stream().filter(d -> d.date().getYear() <= 2013).toList();
        List<Day> served = all.stream().filter(d -> d.date().getYear() >= 2014).toList();
        ModelRegistry registry = mlops.models();

        out.printf("%n1. Train on %s..%s (%d days) through the pipeline%n", training.get(0).date(),
                training.get(training.size() - 1).date(), training.size());
        Path trainingFile = write(dataDir.resolve("weather-2012-2013.csv"), training);
        PipelineResult first = pipeline("initial training on 2012-2013").on(mlops).input(CSV, trainingFile).run();
        PromotionRecord initial = first.output(PROMOTION);
        out.printf("   pipeline run %s: steps %s%n", first.pipelineRunId(), first.executedSteps());
        out.printf("   hold-out accuracy %s; v%d %s to %s%n", fmt(first.output(METRICS).values().get("accuracy")),
                initial.version(), initial.outcome(), ALIAS);
        Profile wholeTraining = first.output(PROFILE);

        // The n-th recorded prediction is the n-th served day (one caller thread, and the handle keeps order), so its
        // key is that day's date: the label for a date joins it, and a window's keys say which dates it covers.
        AtomicLong arrival = new AtomicLong();
        PredictionMonitor monitor = PredictionMonitor.builder(MODEL).reference(new SameDates(training))
                .windowOf(WINDOW_DAYS).key(r -> served.get((int) arrival.getAndIncrement()).date().toString())
                // Analysed as each window closes, so the trigger polled on the manual clock sees it: a reproducible story.
                .analysisExecutor(Runnable::run).build();
        ManualScheduler clock = ManualScheduler.startingAt(served.get(0).date().atStartOfDay(ZoneOffset.UTC)
                .toInstant());
        List<Retraining> retrainings = new ArrayList<>();
        List<Day> labelled = new ArrayList<>(training);
        ServingOptions options = ServingOptions.builder().recordTo(monitor).sampleRate(1.0).build();

        out.printf("%n2. Serve %s..%s day by day; the true weather arrives the next day; a window every %d days%n",
                served.get(0).date(), served.get(served.size() - 1).date(), WINDOW_DAYS);
        out.println("   each window's drift is against the same dates of 2012-2013 (in parentheses: against all of 2012-2013)");
        out.println("   trigger '" + TRIGGER + "': a full window with a drift share >= " + DRIFT_SHARE
                + " OR a fully labelled window failing " + LIVE.conditions() + " retrains on the last " + RECENT_DAYS
                + " labelled days");
        try (Triggers triggers = Triggers.builder().scheduler(clock).executor(Runnable::run).store(mlops)
                .pollInterval(Duration.ofDays(1)).build()) {
            Trigger drift = Trigger.onDrift(() -> fullWindowDrift(monitor), DRIFT_SHARE);
            Trigger accuracy = Trigger.onGateFailure(LIVE, () -> completeWindowMetrics(monitor));
            triggers.define(TRIGGER).when(drift.or(accuracy)).debounce(Duration.ofDays(1))
                    .target("retrain").concurrency(ConcurrencyPolicy.skip())
                    .start(firing -> retrainings.add(retrain(mlops, firing, labelled, dataDir, out)));
            ModelHandle handle = null;
            try {
                for (int i = 0; i < served.size(); i++) {
                    if (i > 0) {
                        Day yesterday = served.get(i - 1);
                        monitor.label(yesterday.date().toString(), yesterday.weather());
                        labelled.add(yesterday);
                        if (i % WINDOW_DAYS == 0) {
                            printWindow(out, monitor.windows().get(monitor.windows().size() - 1), served,
                                    wholeTraining);
                        }
                    }
                    int production = registry.findByAlias(MODEL, ALIAS).orElseThrow().version();
                    if (handle != null && handle.version().version() != production) {
                        handle.close();
                        handle = null;
                    }
                    if (handle == null) {
                        handle = registry.serve(MODEL, ALIAS, options);
                    }
                    handle.predict(served.get(i).features());
                    if ((i + 1) % WINDOW_DAYS == 0) {
                        // Closing the handle hands every queued record to the monitor, so the window closes now.
                        handle.close();
                        handle = null;
                    }
                    clock.advanceBy(Duration.ofDays(1));
                }
            } finally {
                if (handle != null) {
                    handle.close();
                }
            }
            Day last = served.get(served.size() - 1);
            monitor.label(last.date().toString(), last.weather());
            monitor.flush().ifPresent(w -> printWindow(out, w, served, wholeTraining));
            clock.advanceBy(Duration.ofDays(1));
            List<FiringRecord> firings = triggers.history(TRIGGER);

            ModelVersion production = registry.findByAlias(MODEL, ALIAS).orElseThrow();
            out.printf("%n3. After %d windows: %d firings, %d retrainings, %d promoted; production is %s%n",
                    monitor.windowCount(), firings.size(), retrainings.size(),
                    retrainings.stream().filter(r -> r.promotion().map(PromotionRecord::promoted).orElse(false))
                            .count(), production.uri());
            LineageGraph lineage = mlops.lineage().upstreamOfModel(MODEL, production.version());
            out.println("\n4. Lineage of " + production.uri());
            out.println(indent(lineage.toText().strip()));
            return new Outcome(initial, monitor.windows(), firings, retrainings, production, lineage, trainingFile);
        }
    }

    /**
     * The latest window's metrics once it is full and every prediction in it has its label, else null (nothing new to
     * judge): a window judged on part of its labels would fire on a handful of days, and the short last window of
     * the data is printed but not judged for the same reason.
     */
    static Map<String, Double> completeWindowMetrics(PredictionMonitor monitor) {
        Optional<WindowReport> w = monitor.latestWindow();
        if (w.isEmpty() || w.get().predictions() < WINDOW_DAYS
                || w.get().performance().labelled() < w.get().predictions()) {
            return null;
        }
        return w.get().metrics();
    }

    /**
     * The latest window's drift once the window is full, else null: a drift test on the short last window (10 days)
     * would say little, as its live accuracy would.
     */
    static DriftReport fullWindowDrift(PredictionMonitor monitor) {
        Optional<WindowReport> w = monitor.latestWindow();
        return w.isEmpty() || w.get().predictions() < WINDOW_DAYS ? null : w.get().drift().orElse(null);
    }

    /**
     * Each window's reference: the training days on the same calendar dates as the window's days (named by its keys)
     * in every training year, about 60 days for a 30-day window. Against it a January is compared with the Januaries
     * the model learned from, so a drift means weather unlike those years', not a season.
     */
    static final class SameDates implements WindowReference {
        private static final DriftDetector DETECTOR = DriftDetector.defaults();
        private final List<Day> training;

        SameDates(List<Day> training) {
            this.training = List.copyOf(training);
        }

        @Override
        public Profile referenceFor(WindowSpan window) {
            LocalDate from = LocalDate.parse(window.keys().get(0));
            LocalDate to = LocalDate.parse(window.keys().get(window.keys().size() - 1));
            return DETECTOR.profile(table(training.stream().filter(d -> sameDates(d.date(), from, to)).toList()));
        }

        /** @return true if the day falls in [from, to] moved back by a whole number of years */
        static boolean sameDates(LocalDate day, LocalDate from, LocalDate to) {
            for (int back = 1; back <= from.getYear() - day.getYear() + 1; back++) {
                if (!day.isBefore(from.minusYears(back)) && !day.isAfter(to.minusYears(back))) {
                    return true;
                }
            }
            return false;
        }
    }

    static Table table(List<Day> days) {
        return Table.ofMaps(days.stream().map(Day::features).toList());
    }

    private static Retraining retrain(Mlops mlops, Firing firing, List<Day> labelled, Path dataDir, PrintStream out) {
        List<Day> recent = labelled.subList(labelled.size() - RECENT_DAYS, labelled.size());
        LocalDate to = recent.get(recent.size() - 1).date();
        out.printf("   >> %s fired: %s%n", firing.trigger(), firing.reason());
        Path file = write(dataDir.resolve("weather-" + recent.get(0).date() + "-" + to + ".csv"), recent);
        out.printf("      retraining on %s..%s (%d days)%n", recent.get(0).date(), to, recent.size());
        try {
            PipelineResult r = pipeline("retraining: " + firing.reason()).on(mlops).input(CSV, file).run();
            PromotionRecord p = r.output(PROMOTION);
            var promoteRun = mlops.runs().get(r.step("promote").stepRunId());
            double challenger = promoteRun.metric("challenger.accuracy").orElse(Double.NaN);
            double champion = promoteRun.metric("champion.accuracy").orElse(Double.NaN);
            out.printf("      challenger v%d accuracy %s vs champion %s on the same hold-out: %s%n", p.version(),
                    fmt(challenger), fmt(champion), p.outcome());
            return new Retraining(firing, file, r.pipelineRunId(), Optional.of(r.output(VERSION)), Optional.of(p),
                    challenger, champion, Optional.empty());
        } catch (StepFailedException e) {
            if (!(e.getCause() instanceof GateFailedException)) {
                throw e; // not a rejected candidate but a broken run: the firing is recorded FAILED with it
            }
            String why = e.getCause().getMessage().lines().findFirst().orElse("");
            out.printf("      the pipeline stopped at step '%s': %s%n", e.stepName(), why);
            return new Retraining(firing, file, e.result().pipelineRunId(), Optional.empty(), Optional.empty(),
                    Double.NaN, Double.NaN, Optional.of(e.stepName() + ": " + why));
        }
    }

    /**
     * load -> profile -> schema -> validate -> split -> train (and evaluate) -> gate -> register -> promote.
     *
     * @param reason why this run promotes, for the registry's audit trail
     * @return the pipeline
     */
    static Pipeline pipeline(String reason) {
        return Pipeline.builder("seattle-weather").input(CSV)
                .step(Components.loadCsv(Step.named("load").tags("data"), CSV, DATA))
                .step(Components.profile(Step.named("profile").tags("data"), DATA, PROFILE))
                .step(Components.inferSchema(Step.named("schema").tags("data"), PROFILE, SCHEMA))
                .step(Components.validate(Step.named("validate").tags("data"), DATA, SCHEMA, VALIDATION))
                .step(Components.split(Step.named("split"), DATA, TRAIN, TEST, 0.7, SEED))
                .step(trainAndEvaluate())
                .step(Components.gate(Step.named("gate").tags("model"), METRICS, QUALITY, GATE))
                .step(Components.register(Step.named("register"), MODEL, SAVED, GATE, SCHEMA, VERSION))
                .step(promote(reason))
                .build();
    }

    /**
     * Trains and evaluates in one step, so the hold-out metrics sit on the run the version is registered from: that
     * run is where a registry promotion gate reads the candidate's metrics.
     */
    private static Step trainAndEvaluate() {
        return Step.named("train").input(TRAIN, TEST, VALIDATION).output(TRAINED, SAVED, METRICS).tags("model")
                .param("response", RESPONSE).param("trainerConfig", trainer().toString()).body(ctx -> {
                    TrackedModel<Label> tracked = TribuoTracking.train(ctx.run(), trainer(), dataset(ctx.input(TRAIN)));
                    MutableDataset<Label> test = dataset(ctx.input(TEST));
                    double accuracy = accuracy(tracked.model(), test);
                    ctx.run().logMetric("accuracy", accuracy).logMetric("holdout.rows", test.size())
                            .logMetric("holdout.unseen_class_rows", unseenClassRows(tracked.model(), test));
                    ctx.output(TRAINED, tracked.model());
                    ctx.output(SAVED, new TrainedModel(tracked.runId(), tracked.artifactPath(),
                            tracked.model().getClass().getName(), tracked.dataset().sha256()));
                    ctx.output(METRICS, new Metrics(ctx.run().id(), Map.of("accuracy", accuracy)));
                });
    }

    /**
     * The share of examples whose class the model predicts. Computed here rather than with Tribuo's
     * {@code LabelEvaluator}, which refuses a test set holding a class the model never saw; on this data that happens
     * (a 90-day window without {@code rain} or {@code drizzle} days, then a hold-out with one), and such a row is simply
     * a wrong answer.
     */
    static double accuracy(Model<Label> model, MutableDataset<Label> test) {
        long correct = 0;
        for (var example : test) {
            if (model.predict(example).getOutput().getLabel().equals(example.getOutput().getLabel())) {
                correct++;
            }
        }
        return (double) correct / test.size();
    }

    private static long unseenClassRows(Model<Label> model, MutableDataset<Label> test) {
        var known = model.getOutputIDInfo().getDomain().stream().map(Label::getLabel).toList();
        long unseen = 0;
        for (var example : test) {
            if (!known.contains(example.getOutput().getLabel())) {
                unseen++;
            }
        }
        return unseen;
    }

    /**
     * Promotes through the registry with a release gate: the challenger must not be worse than the champion, both
     * measured on this run's hold-out (comparing accuracies measured on different data would say nothing).
     */
    private static Step promote(String reason) {
        return Step.named("promote").input(VERSION, TEST, METRICS).output(PROMOTION).param("reason", reason)
                .cache(false).body(ctx -> {
                    RegisteredVersion v = ctx.input(VERSION);
                    ModelRegistry registry = ctx.mlops().models();
                    double challenger = ctx.input(METRICS).values().get("accuracy");
                    ctx.run().logMetric("challenger.accuracy", challenger);
                    Optional<ModelVersion> champion = registry.findByAlias(v.name(), ALIAS)
                            .filter(c -> c.version() != v.version());
                    Gate release;
                    if (champion.isPresent()) {
                        Model<Label> model = TribuoTracking.loadModel(ctx.mlops().runs(), champion.get().runId(),
                                Label.class);
                        double acc = accuracy(model, dataset(ctx.input(TEST)));
                        ctx.run().logMetric("champion.accuracy", acc);
                        release = Gate.metric("accuracy").notWorseThan(MetricValues.of(champion.get().uri()
                                + " on this hold-out", Map.of("accuracy", acc))).by(0.0).named("release");
                    } else {
                        release = Gate.metric("accuracy").notWorseThanChampion().by(0.0).named("release");
                    }
                    PromotionResult r = registry.promote(v.name(), v.version()).to(ALIAS).requiring(release)
                            .because(ctx.param("reason", String.class));
                    ctx.run().setTag("promotion", r.outcome().name());
                    ctx.output(PROMOTION, new PromotionRecord(v.name(), ALIAS, v.version(), r.outcome().name(),
                            r.promoted()));
                });
    }

    private static Trainer<Label> trainer() {
        return new CARTClassificationTrainer(4, 1.0f, SEED);
    }

    private static void printWindow(PrintStream out, WindowReport w, List<Day> served, Profile wholeTraining) {
        int from = (int) w.index() * WINDOW_DAYS;
        int to = (int) Math.min(served.size(), from + w.predictions()) - 1;
        Optional<DriftReport> drift = w.drift();
        DriftDetector detector = DriftDetector.defaults();
        double againstAll = detector.compare(wholeTraining, detector.profile(table(served.subList(from, to + 1))))
                .driftShare();
        out.printf("   window %2d %s..%s: drift share %s %s (%s), live accuracy %s (%d labelled)%n",
                w.index(), served.get(from).date(), served.get(to).date(),
                drift.map(d -> fmt(d.driftShare())).orElse("n/a"),
                drift.map(d -> d.driftedColumns().toString()).orElse(""), fmt(againstAll),
                w.performance().accuracy().stream().mapToObj(ContinuousTrainingStory::fmt).findFirst().orElse("n/a"),
                w.performance().labelled());
    }

    static List<Day> read(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("date," + HEADER)) {
                throw new IllegalStateException(csv + " should start with the header 'date," + HEADER + "'");
            }
            List<Day> days = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                days.add(new Day(LocalDate.parse(f[0], CSV_DATE), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), f[5]));
            }
            return days;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, List<Day> days) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        days.forEach(d -> text.append(d.csvRow()).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tribuo's CSV loader reads files, so the text goes through a temporary file that is deleted at once. */
    private static MutableDataset<Label> dataset(String csv) throws IOException {
        Path tmp = Files.createTempFile("mlops-ct-", ".csv");
        try {
            Files.writeString(tmp, csv, StandardCharsets.UTF_8);
            return new MutableDataset<>(new CSVLoader<>(new LabelFactory()).loadDataSource(tmp, RESPONSE));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }
}
