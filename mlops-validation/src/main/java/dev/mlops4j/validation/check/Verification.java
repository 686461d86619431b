package dev.mlops4j.validation.check;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.data.RowCursor;
import dev.mlops4j.validation.data.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs any number of {@link Check}s on one data set in a single pass over the rows (Deequ's
 * {@code VerificationSuite}). Configure, then {@link #run()}; a verification can be run again.
 *
 * <pre>{@code
 * VerificationResult result = Verification.onData(orders)
 *         .addCheck(Check.error("integrity").isComplete("id").isUnique("id"))
 *         .addCheck(Check.warning("plausibility").hasMean("amount", m -> m < 500))
 *         .run();
 * result.throwIfFailed();
 * }</pre>
 *
 * <p>Memory: constant per constraint except uniqueness and exact distinct counts, which keep 64-bit keys of
 * the distinct values (about 27 bytes each) up to {@link #uniquenessMemory(long)} per constraint (default 64 MiB,
 * about 2.5 million distinct values) and then spill sorted runs to temporary files, merged at the end; the
 * run stays exact, memory stays bounded.
 */
public final class Verification {
    private final Table data;
    private final List<Check> checks = new ArrayList<>();
    private int maxSamples = 5;
    private long uniquenessMemory = 64L << 20;
    private Path tempDirectory;

    private Verification(Table data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * @param data the data set
     * @return a verification with no checks yet
     */
    public static Verification onData(Table data) {
        return new Verification(data);
    }

    /** @param check a check @return this verification */
    public Verification addCheck(Check check) {
        checks.add(Objects.requireNonNull(check, "check"));
        return this;
    }

    /** @param more checks @return this verification */
    public Verification addChecks(List<Check> more) {
        more.forEach(this::addCheck);
        return this;
    }

    /** @param n unexpected values kept per constraint (default 5) @return this verification */
    public Verification maxSamples(int n) {
        if (n < 0 || n > 1000) {
            throw new InvalidInputException("maxSamples must be between 0 and 1000, was " + n);
        }
        this.maxSamples = n;
        return this;
    }

    /**
     * @param bytes memory per uniqueness or exact-distinct constraint before spilling to disk (default 64 MiB,
     *     at least 1 KiB)
     * @return this verification
     */
    public Verification uniquenessMemory(long bytes) {
        if (bytes < 1024) {
            throw new InvalidInputException("uniquenessMemory must be at least 1024 bytes, was " + bytes);
        }
        this.uniquenessMemory = bytes;
        return this;
    }

    /** @param directory where uniqueness counts spill (default: the system temporary directory) @return this verification */
    public Verification tempDirectory(Path directory) {
        this.tempDirectory = directory;
        return this;
    }

    /**
     * Evaluates every constraint of every check in one pass.
     *
     * @return the outcome per check and constraint
     * @throws dev.mlops4j.validation.DataSourceException if the data cannot be read
     */
    public VerificationResult run() {
        ConstraintSpec.Context context = new ConstraintSpec.Context(maxSamples, uniquenessMemory, tempDirectory);
        List<List<ConstraintSpec.Evaluator>> evaluators = new ArrayList<>();
        List<ConstraintSpec.Evaluator> flat = new ArrayList<>();
        try {
            for (Check c : checks) {
                List<ConstraintSpec.Evaluator> list = new ArrayList<>();
                for (ConstraintSpec s : c.specs()) {
                    ConstraintSpec.Evaluator e = s.bind(data.columns(), context);
                    list.add(e);
                    flat.add(e);
                }
                evaluators.add(list);
            }
            ConstraintSpec.Evaluator[] all = flat.toArray(new ConstraintSpec.Evaluator[0]);
            long rows = 0;
            long malformed = 0;
            Row row = new Row(data.columns().size());
            try (RowCursor cursor = data.open()) {
                while (cursor.next(row)) {
                    if (row.isMalformed()) {
                        malformed++;
                        continue;
                    }
                    rows++;
                    for (ConstraintSpec.Evaluator e : all) {
                        e.accept(row);
                    }
                }
            }
            List<CheckResult> results = new ArrayList<>();
            for (int i = 0; i < checks.size(); i++) {
                Check c = checks.get(i);
                List<ConstraintResult> rs = new ArrayList<>();
                for (ConstraintSpec.Evaluator e : evaluators.get(i)) {
                    rs.add(e.result(rows));
                }
                boolean ok = rs.stream().allMatch(ConstraintResult::isSuccess);
                CheckStatus status = ok ? CheckStatus.SUCCESS
                        : c.level() == Severity.ERROR ? CheckStatus.ERROR : CheckStatus.WARNING;
                results.add(new CheckResult(c.name(), c.level(), status, rs));
            }
            return new VerificationResult(data.description(), rows, malformed, results);
        } finally {
            for (ConstraintSpec.Evaluator e : flat) {
                e.close();
            }
        }
    }
}
