package dev.mlops4j.benchmarks.drift;

import dev.mlops4j.benchmarks.validation.MixedData;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftPreset;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.profile.Profiler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drift between two profiles of 1,000,000 rows x 20 mixed columns ({@link MixedData}, seeds 42 and 43), profiled
 * with the defaults (exact counts up to 1,024 values, then KLL k = 200 and frequent-items sketches): 6 ordered and 3
 * categorical columns are sketched, the others counted exactly. The score is milliseconds per comparison of all 20
 * columns; the profiles are built once in the setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class DriftBenchmark {
    /** Rows per data set. */
    public static final int ROWS = 1_000_000;

    /** Which detector: the DEFAULT, EVIDENTLY or TFDV preset, or DEFAULT measuring every method ("ALL"). */
    @Param({"DEFAULT", "EVIDENTLY", "TFDV", "ALL"})
    public String detector;

    private Profile reference;
    private Profile current;
    private DriftDetector drift;

    /** Profiles two generated data sets, one at a time so that the rows can be collected. */
    @Setup
    public void setUp() {
        reference = profile(42);
        current = profile(43);
        drift = detector.equals("ALL") ? DriftDetector.builder().measureAll(true).build()
                : DriftDetector.builder().preset(DriftPreset.valueOf(detector)).build();
        DriftReport check = drift.compare(reference, current);
        if (check.columns().size() != 20 || check.judgedColumns() != 20) {
            throw new IllegalStateException("expected 20 judged columns:\n" + check);
        }
    }

    private static Profile profile(long seed) {
        List<MixedData.Sale> sales = new MixedData(seed).records(ROWS);
        return Profiler.defaults().profile(Table.ofRecords(MixedData.Sale.class, sales));
    }

    /** @return the report of all 20 columns */
    @Benchmark
    public DriftReport compareProfiles() {
        return drift.compare(reference, current);
    }
}
