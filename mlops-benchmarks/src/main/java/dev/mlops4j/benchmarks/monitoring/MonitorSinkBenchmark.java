package dev.mlops4j.benchmarks.monitoring;

import dev.mlops4j.benchmarks.CpuTimePerOp;
import dev.mlops4j.benchmarks.PairedCpuTime;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.monitoring.PredictionMonitor;
import dev.mlops4j.serving.PredictionColumns;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a {@code PredictionMonitor} costs per record on the recording thread, without any prediction: batches of
 * {@value #BATCH} recorded wine predictions handed to the monitor as a handle's recording thread hands them (windows
 * of 1,000, each profiled and compared with the training profile when it closes). For the monitor to keep up with a
 * caller predicting back to back at 100% sampling, this must stay well under a prediction's ~600 ns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonitorSinkBenchmark {
    /** Records per batch, the recording thread's largest. */
    static final int BATCH = 500;

    /**
     * How windows are compared: {@code default} ({@code DriftDetector.defaults()}: with the 178-row reference every
     * feature gets the Kolmogorov-Smirnov test with its exact p-value) or {@code wasserstein} (the normed Wasserstein
     * distance for every feature), to tell the test's cost from the rest.
     */
    @Param({"default", "wasserstein"})
    public String detector;

    private PredictionMonitor monitor;
    /** The paired benchmark's second monitor, given the columns while {@link #monitor} is given the records. */
    private PredictionMonitor columnsMonitor;
    private int nextPair;
    private List<List<PredictionRecord>> batches;
    private List<PredictionColumns> columnBatches;
    private int next;

    /** Builds the monitor and the recorded wine predictions (NaN for a missing value in every 50th row). */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<String> lines = Files.readAllLines(MonitoringBenchmark.wineCsv());
        String[] header = lines.get(0).split(",");
        List<Map<String, Double>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                if (!header[i].equals("cultivar")) {
                    row.put(header[i], Double.parseDouble(cells[i]));
                }
            }
            rows.add(row);
        }
        DriftDetector d = detector.equals("wasserstein")
                ? DriftDetector.builder().method(DriftMethod.WASSERSTEIN_NORMED).build() : DriftDetector.defaults();
        // Windows analysed on the benchmark thread, so that its CPU time is the monitor's whole cost per record.
        monitor = PredictionMonitor.builder("wine").detector(d)
                .reference(d.profile(Table.ofMaps(new ArrayList<>(rows)))).windowOf(1_000)
                .analysisExecutor(Runnable::run).build();
        columnsMonitor = PredictionMonitor.builder("wine").detector(d)
                .reference(d.profile(Table.ofMaps(new ArrayList<>(rows)))).windowOf(1_000)
                .analysisExecutor(Runnable::run).build();
        Prediction p = new Prediction("1", Map.of("1", 0.8, "2", 0.1, "3", 0.1), true);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        batches = new ArrayList<>();
        int r = 0;
        for (int b = 0; b < 40; b++) {
            List<PredictionRecord> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++, r++) {
                Map<String, Double> f = new LinkedHashMap<>(rows.get(r % rows.size()));
                if (r % 50 == 0) {
                    f.put(header[0], Double.NaN);
                }
                batch.add(new PredictionRecord("wine", 1, "production", at, f, p, List.of(),
                        PredictionRecord.NOT_TIMED));
            }
            batches.add(List.copyOf(batch));
        }
        columnBatches = new ArrayList<>();
        for (List<PredictionRecord> batch : batches) {
            PredictionColumns.Builder b = PredictionColumns.builder("wine", "production", BATCH);
            for (PredictionRecord rec : batch) {
                int row = b.addRow(rec.version(), rec.at(), rec.prediction(), rec.issues(), rec.latencyNanos());
                rec.features().forEach((name, v) -> b.set(b.feature(name), row, v));
            }
            columnBatches.add(b.build());
        }
        System.out.println("columns " + Arrays.toString(header));
    }

    /** @param cpu counts the records (CPU time per record) @return the monitor's count; one batch of records */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long acceptRecords(CpuTimePerOp cpu) {
        cpu.count(BATCH);
        List<PredictionRecord> batch = batches.get(next);
        next = next + 1 == batches.size() ? 0 : next + 1;
        monitor.accept(batch);
        return monitor.predictionCount();
    }

    /**
     * @param cpu counts the records (CPU time per record)
     * @return the monitor's count; the same batch as columns, as the recording thread hands them to a sink that
     *     accepts columns
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long acceptColumns(CpuTimePerOp cpu) {
        cpu.count(BATCH);
        PredictionColumns batch = columnBatches.get(next);
        next = next + 1 == columnBatches.size() ? 0 : next + 1;
        monitor.accept(batch);
        return monitor.predictionCount();
    }

    /**
     * Paired (see {@link PairedCpuTime}): one window's worth of records (two batches) into one monitor, and the same
     * predictions as columns into another, each block closing one window (profile and drift); the ratio is
     * columns / records.
     *
     * @param pairs the pairs' ratios
     */
    @Benchmark
    @OperationsPerInvocation(4 * BATCH)
    public void pairedColumnsOverRecords(PairedCpuTime pairs) {
        int first = nextPair;
        nextPair = (nextPair + 2) % batches.size();
        pairs.pair(() -> {
            monitor.accept(batches.get(first));
            monitor.accept(batches.get(first + 1));
        }, () -> {
            columnsMonitor.accept(columnBatches.get(first));
            columnsMonitor.accept(columnBatches.get(first + 1));
        });
    }
}
