package dev.mlops4j.benchmarks.drift;

import dev.mlops4j.benchmarks.validation.MixedData;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.drift.DriftReport;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Drift between two raw data sets of 1,000,000 rows x 20 mixed columns held as records: both are profiled (exact
 * counts up to the detector's 10,000 values per column, then sketches) and compared. Bounded by profiling; the score
 * is seconds per comparison (2,000,000 rows).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class RawDriftBenchmark {
    private Table reference;
    private Table current;

    /** Generates the rows. */
    @Setup
    public void setUp() {
        reference = Table.ofRecords(MixedData.Sale.class, new MixedData(42).records(DriftBenchmark.ROWS));
        current = Table.ofRecords(MixedData.Sale.class, new MixedData(43).records(DriftBenchmark.ROWS));
    }

    /** @return the report */
    @Benchmark
    public DriftReport compareRows() {
        return DriftDetector.defaults().compare(reference, current);
    }
}
