package dev.mlops4j.benchmarks.validation;

import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.report.Validator;
import dev.mlops4j.validation.schema.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profile, and validate, a generated CSV file of 1,000,000 rows x 20 mixed columns (about 200 MB), streamed
 * with a 256 MiB heap. Also measures a pass that only parses (every cell converted, no statistics) as the
 * bound set by parsing. The score is rows per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvValidationBenchmark.ROWS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms256m", "-Xmx256m"})
public class CsvValidationBenchmark {
    /** Rows per operation. */
    public static final int ROWS = 1_000_000;

    private Path file;
    private CsvTable csv;
    private Validator validator;

    /** Writes the file and infers a schema from its first 100,000 rows. */
    @Setup
    public void setUp() throws IOException {
        file = Files.createTempFile("mlops-bench-", ".csv");
        new MixedData(42).writeCsv(file, ROWS);
        csv = CsvTable.of(file);
        Path head = Files.createTempFile("mlops-bench-head-", ".csv");
        try {
            new MixedData(42).writeCsv(head, ROWS / 10);
            validator = Validator.against(Schema.infer(Profile.of(CsvTable.of(head))));
        } finally {
            Files.delete(head);
        }
    }

    /** Deletes the file. */
    @TearDown
    public void tearDown() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the number of rows read: parsing alone, the bound for the other two */
    @Benchmark
    public long parseOnly() {
        long n = 0;
        dev.mlops4j.validation.data.Row row = new dev.mlops4j.validation.data.Row(csv.columns().size());
        try (dev.mlops4j.validation.data.RowCursor c = csv.open()) {
            while (c.next(row)) {
                n++;
            }
        }
        return n;
    }

    /** @return the profile */
    @Benchmark
    public Profile profile() {
        return Profile.of(csv);
    }

    /** @return the report (its profile included) */
    @Benchmark
    public ValidationReport validate() {
        return validator.validate(csv);
    }
}
