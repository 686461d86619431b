package dev.mlops4j.validation.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.DataValidationException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckTest {

    @TempDir
    Path tmp;

    record Order(Long id, String status, Double amount, Double limit, LocalDate day) {
    }

    /**
     * 1,200 orders with planted problems: id 7 repeated on rows 100 and 200 (3 rows share it), status "lost" on 3
     * rows, negative amounts on 2 rows, amount above limit on 5 rows, a missing id on row 300.
     */
    private static List<Order> orders() {
        List<Order> out = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            long id = i == 100 || i == 200 ? 7 : i;
            String status = i == 50 || i == 51 || i == 52 ? "lost" : i % 3 == 0 ? "new" : "paid";
            double amount = i == 10 || i == 11 ? -5.0 : (i % 100) * 4.0;
            double limit = i >= 1000 && i < 1005 ? 1.0 : 500.0;
            out.add(new Order(i == 300 ? null : id, status, amount, limit, LocalDate.of(2024, 1, 1).plusDays(i % 30)));
        }
        return out;
    }

    private static Table ordersTable() {
        return Table.ofRecords(Order.class, orders());
    }

    private static ConstraintResult only(CheckResult r) {
        assertThat(r.constraints()).hasSize(1);
        return r.constraints().get(0);
    }

    @Test
    void run_issueExample_evaluatesEveryConstraintInOnePass() {
        Check check = Check.error("orders").hasSize(n -> n > 1000).isComplete("id").isUnique("id")
                .isContainedIn("status", "new", "paid").isNonNegative("amount").hasMean("amount", m -> m < 500)
                .satisfies("amount <= limit", "within limit");

        CheckResult r = check.run(ordersTable());

        assertThat(r.status()).isEqualTo(CheckStatus.ERROR);
        assertThat(r.constraints()).extracting(ConstraintResult::constraint).containsExactly("hasSize(<assertion>)",
                "isComplete(\"id\")", "isUnique(\"id\")", "isContainedIn(\"status\", \"new\", \"paid\")",
                "isNonNegative(\"amount\")", "hasMean(\"amount\", <assertion>)",
                "satisfies(\"amount <= limit\", \"within limit\")");
        assertThat(r.constraints()).extracting(ConstraintResult::status).containsExactly(ConstraintStatus.SUCCESS,
                ConstraintStatus.FAILURE, ConstraintStatus.FAILURE, ConstraintStatus.FAILURE, ConstraintStatus.FAILURE,
                ConstraintStatus.SUCCESS, ConstraintStatus.FAILURE);
        ConstraintResult size = r.constraints().get(0);
        assertThat(size.observedValue()).isEqualTo(1200.0);
        assertThat(size.unexpectedCount()).isNull();

        ConstraintResult complete = r.constraints().get(1);
        assertThat(complete.unexpectedCount()).isEqualTo(1);
        assertThat(complete.observedValue()).isCloseTo(1199.0 / 1200, within(1e-12));
        assertThat(complete.unexpectedValues()).containsExactly("null (line 301)");

        ConstraintResult unique = r.constraints().get(2);
        assertThat(unique.unexpectedCount()).isEqualTo(3);
        assertThat(unique.unexpectedPercent()).isCloseTo(0.25, within(1e-12));
        assertThat(unique.observedValue()).isCloseTo(1196.0 / 1199, within(1e-12));
        assertThat(unique.unexpectedValues()).containsExactly("7 (line 101)");

        ConstraintResult contained = r.constraints().get(3);
        assertThat(contained.unexpectedCount()).isEqualTo(3);
        assertThat(contained.unexpectedValues()).containsExactly("lost (line 51)", "lost (line 52)", "lost (line 53)");

        ConstraintResult nonNegative = r.constraints().get(4);
        assertThat(nonNegative.unexpectedCount()).isEqualTo(2);
        assertThat(nonNegative.unexpectedValues()).containsExactly("-5.0 (line 11)", "-5.0 (line 12)");

        double mean = orders().stream().mapToDouble(Order::amount).average().orElseThrow();
        assertThat(r.constraints().get(5).observedValue()).isCloseTo(mean, within(1e-9));

        ConstraintResult within = r.constraints().get(6);
        assertThat(within.unexpectedCount()).isEqualTo(4); // row 1000 has amount 0 <= 1
        assertThat(within.unexpectedValues().get(0)).isEqualTo("amount=4.0, limit=1.0 (line 1002)");
        assertThat(within.message()).contains("do not satisfy 'within limit'");
    }

    @Test
    void run_warningLevel_failureIsAWarning() {
        VerificationResult r = Verification.onData(ordersTable())
                .addCheck(Check.warning("soft").isUnique("id"))
                .addCheck(Check.error("hard").hasSize(n -> n == 1200))
                .run();

        assertThat(r.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(r.throwIfFailed()).isSameAs(r);
        assertThat(r.checkResults().get(0).level()).isEqualTo(Severity.WARNING);
        assertThat(r.isSuccess()).isFalse();
    }

    @Test
    void throwIfFailed_errorLevelFailure_listsFailedConstraintsWithSamples() {
        VerificationResult r = Verification.onData(ordersTable()).addCheck(Check.error("ids").isUnique("id")).run();

        assertThatThrownBy(r::throwIfFailed).isInstanceOf(DataValidationException.class)
                .hasMessageContaining("ids: isUnique(\"id\")").hasMessageContaining("7 (line 101)");
    }

    @Test
    void run_completenessUniquenessAndDistinctAssertions_measureFractionsAndCounts() {
        Table t = ordersTable();

        assertThat(only(Check.error("c").hasCompleteness("id", c -> c > 0.99).run(t)).isSuccess()).isTrue();
        ConstraintResult u = only(Check.error("u").hasUniqueness("status", x -> x > 0).run(t));
        assertThat(u.observedValue()).isZero();
        assertThat(u.isSuccess()).isFalse();
        ConstraintResult d = only(Check.error("d").hasDistinctCount("status", n -> n == 3).run(t));
        assertThat(d.observedValue()).isEqualTo(3.0);
        assertThat(d.isSuccess()).isTrue();
        ConstraintResult approx = only(Check.error("a").hasApproxCountDistinct("id", n -> n > 1150).run(t));
        assertThat(approx.observedValue()).isCloseTo(1198.0, within(40.0));
        assertThat(approx.isSuccess()).isTrue();
    }

    @Test
    void run_statistics_matchStraightforwardComputation() {
        double[] alcohol = SharedData.numbers("wine.csv", "alcohol");
        double sum = java.util.Arrays.stream(alcohol).sum();
        double min = java.util.Arrays.stream(alcohol).min().orElseThrow();
        double max = java.util.Arrays.stream(alcohol).max().orElseThrow();
        double mean = sum / alcohol.length;
        double ss = java.util.Arrays.stream(alcohol).map(a -> (a - mean) * (a - mean)).sum();
        Table wine = CsvTable.of(SharedData.path("wine.csv"));

        CheckResult r = Check.error("wine").hasMin("alcohol", m -> m > 11).hasMax("alcohol", m -> m < 15)
                .hasSum("alcohol", s -> s > 0).hasStandardDeviation("alcohol", s -> s < 1)
                .hasApproxQuantile("alcohol", 0.5, q -> q > 12 && q < 14).run(wine);

        assertThat(r.isSuccess()).isTrue();
        assertThat(r.constraints()).extracting(ConstraintResult::observedValue).satisfiesExactly(
                v -> assertThat(v).isEqualTo(min), v -> assertThat(v).isEqualTo(max),
                v -> assertThat(v).isCloseTo(sum, within(1e-9)),
                v -> assertThat(v).isCloseTo(Math.sqrt(ss / alcohol.length), within(1e-9)),
                v -> assertThat(v).isEqualTo(13.05));
    }

    @Test
    void run_rangesPositivityAndPatterns_reportUnexpectedValues() {
        Table wine = CsvTable.of(SharedData.path("wine.csv"));

        ConstraintResult range = only(Check.error("r").isContainedIn("magnesium", 70, 150).run(wine));
        assertThat(range.unexpectedCount()).isEqualTo(
                java.util.Arrays.stream(SharedData.numbers("wine.csv", "magnesium")).filter(m -> m > 150).count());
        assertThat(only(Check.error("p").isPositive("alcohol").run(wine)).isSuccess()).isTrue();
        ConstraintResult pattern = only(Check.error("p").hasPattern("cultivar", "class_[01]").run(wine));
        assertThat(pattern.unexpectedCount()).isEqualTo(48);
        assertThat(pattern.unexpectedValues().get(0)).startsWith("class_2 (line ");
        assertThat(only(Check.error("p").hasPattern("cultivar", "class_[01]", f -> f > 0.7).run(wine)).isSuccess())
                .isTrue();
        assertThat(only(Check.error("s").satisfies("alcohol > 13", "strong", f -> f > 0.4).run(wine)).isSuccess())
                .isTrue();
    }

    @Test
    void run_unknownColumnOrWrongType_failsThatConstraintOnly() {
        CheckResult r = Check.error("bad").isComplete("nope").isNonNegative("status").hasMean("status", m -> true)
                .satisfies("status > 3", "typed").hasSize(n -> true).run(ordersTable());

        assertThat(r.constraints()).extracting(ConstraintResult::status).containsExactly(ConstraintStatus.FAILURE,
                ConstraintStatus.FAILURE, ConstraintStatus.FAILURE, ConstraintStatus.FAILURE, ConstraintStatus.SUCCESS);
        assertThat(r.constraints().get(0).message()).contains("'nope' does not exist");
        assertThat(r.constraints().get(1).message()).contains("not numeric");
        assertThat(r.constraints().get(3).message()).contains("one is a string, the other a number");
    }

    @Test
    void isUnique_beyondTheMemoryBudget_spillsToDiskAndStaysExact() {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            rows.add(new Object[] {i % 9_999 == 0 && i > 0 ? 1L : i * 3});
        }
        Table t = Table.ofArrays(List.of(new dev.mlops4j.validation.data.Column("id",
                dev.mlops4j.validation.data.ColumnType.INTEGER)), rows);

        VerificationResult r = Verification.onData(t).uniquenessMemory(16 * 1024).tempDirectory(tmp)
                .addCheck(Check.error("ids").isUnique("id").hasDistinctCount("id", n -> n == 19_999)).run();

        ConstraintResult unique = r.checkResults().get(0).constraints().get(0);
        // 9999 and 19998 have id 1; no other id repeats (0 and 3 are ids of rows 0 and 1)
        assertThat(unique.unexpectedCount()).isEqualTo(2);
        assertThat(r.checkResults().get(0).constraints().get(1).isSuccess()).isTrue();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void satisfies_invalidExpression_throwsInvalidInputAtDefinition() {
        assertThatThrownBy(() -> Check.error("x").satisfies("amount <=", "broken"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("position 10");
    }

    @Test
    void toString_verificationResult_isAnAlignedTable() {
        VerificationResult r = Verification.onData(ordersTable())
                .addCheck(Check.error("orders").isComplete("id").isUnique("id")).run();

        String text = r.toString();

        assertThat(text).startsWith("Verification of Order records: ERROR, 1200 rows\n");
        assertThat(text).contains("isUnique(\"id\")").contains("FAILURE").contains("7 (line 101)");
        assertThat(Check.error("orders").isComplete("id").toString()).isEqualTo(
                "Check.error(\"orders\")\n    .isComplete(\"id\")");
    }

    @Test
    void toString_checkResult_isASummaryAndOneAlignedLinePerConstraint() {
        CheckResult r = Check.error("orders").hasSize(n -> n > 1000).isUnique("id")
                .isContainedIn("status", "paid", "new").run(ordersTable());

        String text = r.toString();

        assertThat(text).startsWith("Check orders (ERROR): ERROR, 2 of 3 constraints failed\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.get(1)).startsWith("CONSTRAINT").contains("STATUS", "OBSERVED", "UNEXPECTED", "PERCENT");
        assertThat(lines.get(2)).startsWith("hasSize(<assertion>)").contains("SUCCESS", "1200");
        assertThat(lines.get(3)).startsWith("isUnique(\"id\")").contains("FAILURE", "0.25%", "7 (line 101)");
        assertThat(lines.get(4)).contains("lost (line 51)");
        // aligned: every constraint's status starts in the header's STATUS column
        int status = lines.get(1).indexOf("STATUS");
        assertThat(lines.subList(2, 5)).allSatisfy(l -> assertThat(l.substring(status)).matches("(SUCCESS|FAILURE).*"));
        assertThat(r.constraints().get(2).toString()).isEqualTo("isContainedIn(\"status\", \"paid\", \"new\"):"
                + " FAILURE, observed 0.9975, 3 unexpected (0.25%): 3 of 1200 rows have a value of 'status' outside"
                + " [paid, new] (compliance 0.9975 does not satisfy the assertion) e.g. lost (line 51), lost (line 52),"
                + " lost (line 53)");
    }

    /** A table that counts how often it is read, to show that a verification reads the data once. */
    private static final class CountingTable implements Table {
        private final Table inner;
        private int opens;

        CountingTable(Table inner) {
            this.inner = inner;
        }

        @Override
        public List<dev.mlops4j.validation.data.Column> columns() {
            return inner.columns();
        }

        @Override
        public dev.mlops4j.validation.data.RowCursor open() {
            opens++;
            return inner.open();
        }

        @Override
        public Table withTypes(java.util.Map<String, dev.mlops4j.validation.data.ColumnType> types) {
            return inner.withTypes(types);
        }
    }

    @Test
    void run_severalChecksWithEveryKindOfConstraint_readsTheDataOnce() {
        CountingTable data = new CountingTable(ordersTable());
        Check integrity = Check.error("integrity").hasSize(n -> n > 1000).isComplete("id").isUnique("id")
                .hasDistinctCount("status", n -> n == 3).hasApproxCountDistinct("id", n -> n > 1000);
        Check plausibility = Check.warning("plausibility").isContainedIn("status", "new", "paid")
                .isContainedIn("amount", -10, 400).isNonNegative("amount").isPositive("limit")
                .hasPattern("status", "[a-z]+").hasMean("amount", m -> m < 500).hasMin("amount", m -> m >= -5)
                .hasMax("amount", m -> m <= 396).hasSum("amount", s -> s > 0).hasStandardDeviation("amount", s -> s > 0)
                .hasApproxQuantile("amount", 0.5, q -> q > 100).satisfies("amount <= limit", "within limit");

        VerificationResult r = Verification.onData(data).addCheck(integrity).addCheck(plausibility).run();

        assertThat(data.opens).isEqualTo(1);
        assertThat(r.checkResults()).extracting(CheckResult::check).containsExactly("integrity", "plausibility");
        assertThat(r.checkResults().get(0).constraints()).hasSize(5);
        assertThat(r.checkResults().get(1).constraints()).hasSize(12);
    }

    @Test
    void run_csvWithMalformedLine_skipsAndCountsIt() {
        CsvTable csv = CsvTable.ofText("id,amount\n1,10\n2,20,oops\n3,-1\n");

        VerificationResult r = Verification.onData(csv).addCheck(Check.error("c").hasSize(n -> n == 2)
                .isNonNegative("amount")).run();

        assertThat(r.malformedRows()).isEqualTo(1);
        assertThat(r.rowCount()).isEqualTo(2);
        assertThat(r.checkResults().get(0).constraints().get(0).isSuccess()).isTrue();
        assertThat(r.checkResults().get(0).constraints().get(1).unexpectedValues()).containsExactly("-1 (line 4)");
        assertThat(r.toString()).contains("+ 1 malformed (skipped)");
    }

    @Test
    void check_isImmutable() {
        Check base = Check.error("b").isComplete("a");
        Check more = base.isUnique("a");

        assertThat(base.constraints()).hasSize(1);
        assertThat(more.constraints()).hasSize(2);
    }
}
