package dev.mlops4j.benchmarks.validation;

import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.profile.Profiler;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Profile (with quantile sketches), and validate against a schema (one pass that also profiles, without quantile
 * sketches, the validator's default), 1,000,000 rows x 20 mixed columns held in memory as Object[] rows, records
 * or maps, with 1 or 2 threads. The score is rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(InMemoryValidationBenchmark.ROWS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class InMemoryValidationBenchmark {
    /** Rows per operation. */
    public static final int ROWS = 1_000_000;

    /** How the rows are held. */
    @Param({"arrays", "records", "maps"})
    public String rows;

    /** Threads. */
    @Param({"1", "2"})
    public int threads;

    private Table table;
    private Profiler profiler;
    private Validator validator;

    /** Generates the rows and infers the schema from the first 10% (so the rest has a few anomalies). */
    @Setup
    public void setUp() {
        List<MixedData.Sale> sales = new MixedData(42).records(ROWS);
        switch (rows) {
            case "arrays":
                table = Table.ofArrays(MixedData.COLUMNS, MixedData.arrays(sales));
                break;
            case "records":
                table = Table.ofRecords(MixedData.Sale.class, sales);
                break;
            default:
                table = Table.ofMaps(MixedData.maps(sales), MixedData.COLUMNS);
                break;
        }
        Schema schema = Schema.infer(Profile.of(Table.ofRecords(MixedData.Sale.class, sales.subList(0, ROWS / 10))));
        profiler = Profiler.builder().parallelism(threads).build();
        validator = Validator.against(schema).parallelism(threads);
    }

    /** @return the profile */
    @Benchmark
    public Profile profile() {
        return profiler.profile(table);
    }

    /** @return the report (its profile included) */
    @Benchmark
    public ValidationReport validate() {
        return validator.validate(table);
    }
}
