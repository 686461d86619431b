package dev.mlops4j.examples;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.PromotionResult;
import dev.mlops4j.report.Reports;
import dev.mlops4j.serving.InputRejectedException;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.tribuo.TrackedModel;
import dev.mlops4j.tribuo.TribuoTracking;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.Schema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.evaluation.TrainTestSplitter;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * The model-registry story on the UCI Wine data: two Tribuo models (a logistic regression and a shallow CART tree)
 * are trained, evaluated and gated in tracked runs with the data's schema logged beside them; both are registered;
 * the better one is promoted to {@code production} through a release gate and served in-process; the other one is
 * then proposed as a challenger and rejected by the gate, because it is worse than the champion; the audit trail and
 * a model card show what happened.
 *
 * <p>Run it with {@code mvn -B -q -Pdemo package -Ddemo.mainClass=dev.mlops4j.examples.WineRegistryStory} from the
 * repository root (embedded store in {@code ./mlops-data}, or {@code $MLOPS_HOME}).
 */
public final class WineRegistryStory {
    /** Every model must be at least this good on the hold-out. */
    static final Gate QUALITY = Gate.metric("accuracy").atLeast(0.85).named("quality");
    /** To become production, a model must also not be worse than the current one. */
    static final Gate RELEASE = Gate.metric("accuracy").atLeast(0.85)
            .and(Gate.metric("macro_f1").notWorseThanChampion()).named("release");
    static final String MODEL = "wine";
    static final String EXPERIMENT = "wine-registry";
    private static final long SEED = 42L;

    private WineRegistryStory() {
    }

    /** What the story did, for the caller to look at. */
    record Outcome(ModelVersion champion, ModelVersion challenger, PromotionResult promotion,
                   PromotionResult challenge, Path modelCard) {
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        ExampleLogging.quiet();
        try (Mlops mlops = Mlops.open()) {
            System.out.println("mlops4j model registry story");
            System.out.println("  store: " + mlops.describeStore());
            Outcome outcome = run(mlops, mlops.home().orElse(Path.of(".")).resolve("reports"), System.out);
            System.out.println();
            System.out.println("Open the model card: " + outcome.modelCard().toUri());
        }
    }

    /**
     * Tells the story against any store.
     *
     * @param mlops where to track, register and serve
     * @param reports where to write the model card
     * @param out where to print the story
     * @return what happened
     */
    static Outcome run(Mlops mlops, Path reports, PrintStream out) {
        Path csv = ExampleData.file("wine.csv");
        TrainTestSplitter<Label> split;
        try {
            split = new TrainTestSplitter<>(new CSVLoader<>(new LabelFactory()).loadDataSource(csv, "cultivar"), 0.7,
                    SEED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutableDataset<Label> train = new MutableDataset<>(split.getTrain());
        MutableDataset<Label> test = new MutableDataset<>(split.getTest());
        out.printf("%n1. Data: %s, %d training and %d test examples, %d features%n", csv.getFileName(), train.size(),
                test.size(), train.getFeatureMap().size());
        // The input schema every served request is checked against: inferred from the data, then tightened by hand.
        Schema schema = Schema.infer(Profile.of(CsvTable.of(csv)));

        out.println("\n2. Train, evaluate and gate two models (experiment " + EXPERIMENT + ")");
        String logreg = train(mlops, "logistic-regression", new LinearSGDTrainer(new LogMulticlass(),
                new AdaGrad(0.5, 0.01), 10, 1000, 1, SEED), train, test, schema, out);
        String tree = train(mlops, "cart-depth-2", new CARTClassificationTrainer(2), train, test, schema, out);

        out.println("\n3. Register both");
        ModelRegistry registry = mlops.models();
        ModelVersion v1 = registry.newVersion(MODEL).fromRun(logreg).description("logistic regression")
                .schemaRef("runs:/" + logreg + "/" + Schema.DEFAULT_ARTIFACT_PATH).register();
        ModelVersion v2 = registry.newVersion(MODEL).fromRun(tree).description("CART tree, depth 2")
                .schemaRef("runs:/" + tree + "/" + Schema.DEFAULT_ARTIFACT_PATH).register();
        for (ModelVersion v : List.of(v1, v2)) {
            out.println("   " + v);
        }
        double a1 = mlops.runs().get(logreg).metric("macro_f1").orElseThrow();
        double a2 = mlops.runs().get(tree).metric("macro_f1").orElseThrow();
        ModelVersion champion = a1 >= a2 ? v1 : v2;
        ModelVersion challenger = champion == v1 ? v2 : v1;

        out.println("\n4. Promote the better one (macro F1 " + fmt(Math.max(a1, a2)) + " vs " + fmt(Math.min(a1, a2))
                + ") to production through the release gate");
        PromotionResult promotion = registry.promote(MODEL, champion.version()).to("production").requiring(RELEASE)
                .because("best macro F1 on the wine hold-out");
        out.println(indent(promotion.toString().strip()));

        out.println("\n5. Serve production in-process");
        try (ModelHandle handle = registry.serve(MODEL, "production")) {
            for (int i = 0; i < 3; i++) {
                Example<Label> example = test.getExample(i);
                out.printf("   example %d (a %s): %s predicts %s%n", i, example.getOutput().getLabel(),
                        handle.version().uri(), handle.predict(features(example)).label());
            }
            // A request the model would take as it is, with one feature name misspelt.
            Map<String, Double> typo = null;
            for (int i = 0; typo == null && i < test.size(); i++) {
                Map<String, Double> f = features(test.getExample(i));
                typo = handle.check(f).isEmpty() ? f : null;
            }
            if (typo == null) {
                throw new IllegalStateException("no test example within the training ranges");
            }
            typo.put("alcohl", typo.remove("alcohol"));
            try {
                handle.predict(typo);
                throw new IllegalStateException("a misspelt feature was not caught");
            } catch (InputRejectedException e) {
                out.println("   a request with a misspelt feature is refused: " + e.getMessage());
            }
        }

        out.println("\n6. The other model challenges the champion");
        PromotionResult challenge = registry.promote(MODEL, challenger.version()).to("production").requiring(RELEASE)
                .because("challenger from the nightly training");
        out.println(indent(challenge.toString().strip()));

        out.println("\n7. Audit trail of " + MODEL + " (mlops.models().auditTrail(\"" + MODEL + "\"))");
        out.println(indent(registry.auditTrail(MODEL).toString().strip()));
        Path card = Reports.modelCard(mlops, MODEL, champion.version()).writeTo(reports.resolve("wine-model-card.html"));
        out.println("\nWrote the production model's card to " + card);
        return new Outcome(champion, challenger, promotion, challenge, card);
    }

    private static String train(Mlops mlops, String name, Trainer<Label> trainer, MutableDataset<Label> train,
                                MutableDataset<Label> test, Schema schema, PrintStream out) {
        try (Run run = mlops.experiment(EXPERIMENT).startRun(name)) {
            TrackedModel<Label> model = TribuoTracking.train(run, trainer, train);
            TribuoTracking.evaluateClassifier(run, model.model(), test);
            schema.logTo(run);
            GateResult gate = QUALITY.evaluate(run.record());
            TribuoTracking.recordGate(run, gate);
            out.printf("   %-20s accuracy %s, macro F1 %s, gate %s: %s%n", name,
                    fmt(run.record().metric("accuracy").orElseThrow()),
                    fmt(run.record().metric("macro_f1").orElseThrow()), gate.gate(),
                    gate.passed() ? "passed" : "FAILED");
            return run.id();
        }
    }

    private static Map<String, Double> features(Example<Label> example) {
        Map<String, Double> f = new HashMap<>();
        example.forEach(feature -> f.put(feature.getName(), feature.getValue()));
        return f;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ");
    }
}
