package dev.mlops4j.benchmarks.serving;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelUri;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.serving.InputIssue;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.serving.SignatureCheck;
import dev.mlops4j.tribuo.TribuoTracking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.mlops4j.benchmarks.CpuTimePerOp;
import dev.mlops4j.benchmarks.PairedCpuTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.data.csv.CSVLoader;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * One wine example (13 features), predicted four ways in the same JVM, plus alias resolution:
 * <ul>
 *   <li>{@code tribuoPredictExample}: bare Tribuo {@code Model.predict} on a prebuilt {@code Example};</li>
 *   <li>{@code tribuoPredictFromMap}: bare Tribuo, building the {@code ArrayExample} from the feature map first (what
 *       any application predicting from named features must do);</li>
 *   <li>{@code loadedModelPredict}: the Tribuo flavor's {@code LoadedModel.predict} (map in, neutral
 *       {@code Prediction} out, no checks);</li>
 *   <li>{@code handlePredict}: {@code ModelHandle.predict} with the default input checks on (unknown, missing,
 *       non-finite and out-of-domain features) and the default policies;</li>
 *   <li>{@code handlePredictNoChecks}: the same handle machinery with {@code checkInputs(false)};</li>
 *   <li>{@code signatureCheck}: the input check alone ({@code SignatureCheck.check} on the example);</li>
 *   <li>{@code handlePredictVector}, {@code handlePredictNative}: the handle (checks on) on a prepared
 *       {@code FeatureVector} in the model's layout, returning the neutral prediction or Tribuo's own;
 *       {@code loadedModelPredictNative} the flavor alone on it; {@code signatureCheckVector} the check alone on it;
 *       {@code tribuoPredictFromArrays} bare Tribuo building its example from the same arrays;</li>
 *   <li>{@code handleVersion}: the alias's current version as a handle resolves it (cached, swapped on change);</li>
 *   <li>{@code registryResolveAlias}: {@code models:/wine@production} resolved in the (in-memory) store;</li>
 *   <li>{@code registryLoadAlias}: {@code registry.load(models:/wine@production)}: resolution plus a hit in the
 *       Caffeine model cache.</li>
 * </ul>
 * The models are a logistic regression (LinearSGD, 10 epochs) and a CART tree (depth 6), trained on all of wine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ServingBenchmark {
    /** Which model serves. */
    @Param({"logreg", "cart"})
    public String model;

    private Mlops mlops;
    private ModelRegistry registry;
    private ModelHandle handle;
    private ModelHandle unchecked;
    private SignatureCheck check;
    private LoadedModel loaded;
    private Model<Label> tribuo;
    private Example<Label> example;
    private Map<String, Double> features;
    private FeatureVector vector;
    private Example<Label> keptExample;
    private Example<Label> arrayExample;
    private String[] exampleNames;
    private double[] exampleValues;
    private final ModelUri production = ModelUri.alias("wine", "production");

    /** Trains, registers, promotes and serves the model; picks the first wine row as the example. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        MutableDataset<Label> wine = new MutableDataset<>(new CSVLoader<>(new LabelFactory())
                .loadDataSource(wineCsv(), "cultivar"));
        Trainer<Label> trainer = model.equals("cart") ? new CARTClassificationTrainer(6)
                : new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.01), 10, 1000, 1, 42L);
        mlops = Mlops.inMemory();
        registry = mlops.models();
        String runId;
        try (Run run = mlops.experiment("bench").startRun(model)) {
            tribuo = TribuoTracking.train(run, trainer, wine).model();
            runId = run.id();
        }
        ModelVersion v = registry.register("wine", runId);
        registry.promote("wine", v.version()).to("production").because("benchmark");
        handle = registry.serve("wine", "production", ServingOptions.defaults());
        unchecked = registry.serve("wine", "production", ServingOptions.builder().checkInputs(false).build());
        loaded = handle.model();
        check = SignatureCheck.of(loaded, 0.0);
        example = wine.getExample(0);
        features = new HashMap<>();
        example.forEach(f -> features.put(f.getName(), f.getValue()));
        vector = handle.layout().vector(features);
        exampleNames = handle.layout().names().toArray(String[]::new);
        exampleValues = new double[exampleNames.length];
        vector.copyValues(exampleValues);
        if (!vector.isComplete() || !handle.check(vector).isEmpty()) {
            throw new IllegalStateException("the benchmark vector should be complete and clean: " + vector);
        }
        @SuppressWarnings("unchecked")
        Prediction<Label> nativePrediction = handle.predictNative(vector, Prediction.class);
        keptExample = keptExample(vector, loaded);
        arrayExample = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, exampleNames, exampleValues);
        if (!nativePrediction.getOutput().getLabel().equals(tribuo.predict(example).getOutput().getLabel())) {
            throw new IllegalStateException("the handle's native prediction and Tribuo disagree on the example");
        }
        if (!handle.check(features).isEmpty()) {
            throw new IllegalStateException("the benchmark example should be clean: " + handle.check(features));
        }
        String bare = tribuo.predict(example).getOutput().getLabel();
        if (!bare.equals(handle.predict(features).label())) {
            throw new IllegalStateException("the handle and Tribuo disagree on the example");
        }
    }

    /** Closes the handle and the instance. */
    @TearDown(Level.Trial)
    public void tearDown() {
        handle.close();
        unchecked.close();
        mlops.close();
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's prediction on a prebuilt example */
    @Benchmark
    public Prediction<Label> tribuoPredictExample(CpuTimePerOp cpu) {
        cpu.count();
        return tribuo.predict(example);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's prediction on the example the flavor built from the prepared vector and keeps with it */
    @Benchmark
    public Prediction<Label> tribuoPredictKeptExample(CpuTimePerOp cpu) {
        cpu.count();
        return tribuo.predict(keptExample);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's prediction on a prebuilt plain {@code ArrayExample} of the same names and values */
    @Benchmark
    public Prediction<Label> tribuoPredictArrayExample(CpuTimePerOp cpu) {
        cpu.count();
        return tribuo.predict(arrayExample);
    }

    @SuppressWarnings("unchecked")
    private static Example<Label> keptExample(FeatureVector vector, LoadedModel key) {
        return vector.nativeInput(key, Example.class, v -> {
            throw new IllegalStateException("the flavor should have kept an example with the vector");
        });
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's prediction, building the example from the feature map */
    @Benchmark
    public Prediction<Label> tribuoPredictFromMap(CpuTimePerOp cpu) {
        cpu.count();
        return tribuo.predict(exampleFromMap());
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's prediction, building the example from the same arrays the prepared vector holds */
    @Benchmark
    public Prediction<Label> tribuoPredictFromArrays(CpuTimePerOp cpu) {
        cpu.count();
        return tribuo.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, exampleNames, exampleValues));
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the handle's prediction of the prepared vector, input checks on */
    @Benchmark
    public dev.mlops4j.model.Prediction handlePredictVector(CpuTimePerOp cpu) {
        cpu.count();
        return handle.predict(vector);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return Tribuo's own prediction through the handle from the prepared vector, input checks on */
    @Benchmark
    public Prediction<?> handlePredictNative(CpuTimePerOp cpu) {
        cpu.count();
        return handle.predictNative(vector, Prediction.class);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the flavor's native prediction of the prepared vector, no handle, no checks */
    @Benchmark
    public Object loadedModelPredictNative(CpuTimePerOp cpu) {
        cpu.count();
        return loaded.predictNative(vector);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the issues of the prepared vector (none) */
    @Benchmark
    public List<InputIssue> signatureCheckVector(CpuTimePerOp cpu) {
        cpu.count();
        return check.check(vector);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the flavor's prediction, no checks */
    @Benchmark
    public dev.mlops4j.model.Prediction loadedModelPredict(CpuTimePerOp cpu) {
        cpu.count();
        return loaded.predict(features);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the handle's prediction, input checks on */
    @Benchmark
    public dev.mlops4j.model.Prediction handlePredict(CpuTimePerOp cpu) {
        cpu.count();
        return handle.predict(features);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the handle's prediction, input checks off */
    @Benchmark
    public dev.mlops4j.model.Prediction handlePredictNoChecks(CpuTimePerOp cpu) {
        cpu.count();
        return unchecked.predict(features);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the issues of the example (none) */
    @Benchmark
    public List<InputIssue> signatureCheck(CpuTimePerOp cpu) {
        cpu.count();
        return check.check(features);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the version serving the alias, as the handle resolves it */
    @Benchmark
    public ModelVersion handleVersion(CpuTimePerOp cpu) {
        cpu.count();
        return handle.version();
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the alias's holder, read from the store */
    @Benchmark
    public ModelVersion registryResolveAlias(CpuTimePerOp cpu) {
        cpu.count();
        return registry.resolve(production);
    }

    /** @param cpu counts the call (see CpuTimePerOp) @return the alias's model, resolved in the store and taken from the model cache */
    @Benchmark
    public LoadedModel registryLoadAlias(CpuTimePerOp cpu) {
        cpu.count();
        return registry.load(production);
    }

    /** Calls per block of a paired benchmark: long enough to time in CPU time, short enough to pair closely. */
    private static final int BLOCK = 2_000;

    /**
     * Paired (see {@link PairedCpuTime}): a block of bare Tribuo predictions on the prebuilt example, and a block of
     * the handle's native predictions of the prepared vector, checks on.
     *
     * @param pairs the pairs' ratios
     * @param bh sinks the predictions
     */
    @Benchmark
    @OperationsPerInvocation(2 * BLOCK)
    public void pairedHandleNative(PairedCpuTime pairs, Blackhole bh) {
        pairs.pair(() -> {
            for (int i = 0; i < BLOCK; i++) {
                bh.consume(tribuo.predict(example));
            }
        }, () -> {
            for (int i = 0; i < BLOCK; i++) {
                bh.consume(handle.predictNative(vector, Prediction.class));
            }
        });
    }

    /**
     * Paired: a block of bare Tribuo predictions built from the feature map (Tribuo's own sorting example constructor,
     * as {@link #tribuoPredictFromMap} does), and a block of the handle's predictions of the same map, checks on,
     * converted to the neutral {@code Prediction}: what a caller holding maps pays for the handle.
     *
     * @param pairs the pairs' ratios
     * @param bh sinks the predictions
     */
    @Benchmark
    @OperationsPerInvocation(2 * BLOCK)
    public void pairedHandleMap(PairedCpuTime pairs, Blackhole bh) {
        pairs.pair(() -> {
            for (int i = 0; i < BLOCK; i++) {
                bh.consume(tribuo.predict(exampleFromMap()));
            }
        }, () -> {
            for (int i = 0; i < BLOCK; i++) {
                bh.consume(handle.predict(features));
            }
        });
    }

    private ArrayExample<Label> exampleFromMap() {
        String[] names = new String[features.size()];
        double[] values = new double[features.size()];
        int i = 0;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            names[i] = f.getKey();
            values[i] = f.getValue();
            i++;
        }
        return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, values);
    }

    private static Path wineCsv() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared/data/wine.csv"), dir.resolve("data/wine.csv")}) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new UncheckedIOException(new IOException("cannot find shared/data/wine.csv above "
                + Path.of("").toAbsolutePath() + "; run from the repository"));
    }
}
