package dev.mlops4j.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report: its verdicts, text, JSON, metrics and logging on a run; and the detector's edge cases. */
class DriftReportTest {
    private static final DriftDetector DETECTOR = DriftDetector.builder().ignore("date").build();

    private static DriftReport yearOverYear() {
        return DETECTOR.compare(Weather.year(2012), Weather.year(2015));
    }

    @Test
    void toString_yearOverYear_tableThenWhatEachNumberIs() {
        String text = yearOverYear().toString();

        assertThat(text).startsWith("Drift of arrays (365 rows) against arrays (366 rows), preset DEFAULT\n"
                + "DRIFT: 3 of 5 judged columns drifted (60.00%; the data set drifts at >= 50.00%)\n");
        assertThat(text).contains("COLUMN         TYPE         STATUS    METHOD                         VALUE"
                + "      P-VALUE  THRESHOLDS  REF N  CUR N\n");
        assertThat(text).containsPattern("temp_max +FLOATING +DRIFT +KS D +0\\.152541 +0\\.000315709 +p<0\\.1/0\\.05"
                + " +366 +365");
        assertThat(text).contains("weather        new_category_fraction                 0.00%   0.00%"
                + "  >=1.00%/5.00%   NO_DRIFT");
        assertThat(text).contains("  temp_max: KS D = 0.152541, p = 0.000315709 (exact): two-sample"
                + " Kolmogorov-Smirnov D = sup |F_ref - F_cur|, two-sided; exact p-value");
        assertThat(text).contains("weather: chi-squared (homogeneity) = 384.129, p = 7.46864e-82 (asymptotic):"
                + " Pearson chi-squared test of homogeneity");
    }

    @Test
    void toJson_report_roundTripsWithNaNAndInfinity() {
        Table ref = Fixtures.categories("v", Fixtures.strings(Fixtures.at("categorical_data", "reference")));
        Table cur = Fixtures.categories("v", Fixtures.strings(Fixtures.at("categorical_data", "current")));
        DriftReport withInfinity = DriftDetector.builder().measureAll(true).build().compare(ref, cur);
        assertThat(withInfinity.column("v").measurement(DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT).orElseThrow()
                .value()).isInfinite();

        for (DriftReport r : List.of(yearOverYear(), withInfinity)) {
            String json = r.toJson();
            DriftReport back = DriftReport.fromJson(json);
            assertThat(back).isEqualTo(r);
            assertThat(back.toJson()).isEqualTo(json);
            assertThat(back.toString()).isEqualTo(r.toString());
        }
        assertThat(withInfinity.toJson()).contains("\"value\" : \"Infinity\"").contains("\"pValue\" : \"NaN\"");
    }

    @Test
    void fromJson_otherDocument_rejectedWithTheReason() {
        assertThatThrownBy(() -> DriftReport.fromJson("{\"format\":\"mlops4j-profile\",\"formatVersion\":1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mlops4j-drift-report");
        String newer = yearOverYear().toJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertThatThrownBy(() -> DriftReport.fromJson(newer)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("upgrade");
    }

    @Test
    void logTo_run_artifactAndLabelledMetrics() {
        DriftReport report = yearOverYear();
        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("drift").startRun("2015")) {
                runId = run.id();
                ArtifactInfo info = report.logTo(run);
                assertThat(info.path()).isEqualTo(DriftReport.DEFAULT_ARTIFACT_PATH);
            }
            RunRecord record = mlops.runs().get(runId);
            assertThat(record.metric("drift.share").orElseThrow()).isEqualTo(0.6);
            assertThat(record.metric("drift.columns_drifted").orElseThrow()).isEqualTo(3);
            assertThat(record.metric("drift.status").orElseThrow()).isEqualTo(DriftStatus.DRIFT.ordinal());
            assertThat(record.metric("drift.temp_max.ks").orElseThrow())
                    .isEqualTo(report.column("temp_max").measurement().orElseThrow().value());
            assertThat(record.metric("drift.temp_max.ks.p_value").orElseThrow())
                    .isEqualTo(report.column("temp_max").measurement().orElseThrow().pValue());
            assertThat(record.metric("drift.weather.chi2.p_value")).isPresent();
            assertThat(record.metric("drift.weather.new_category_fraction").orElseThrow()).isZero();
            assertThat(record.metric("drift.wind.status").orElseThrow()).isEqualTo(DriftStatus.NO_DRIFT.ordinal());
            assertThat(DriftReport.readFrom(mlops.runs(), runId)).isEqualTo(report);
        }
    }

    @Test
    void metrics_columnNamesWithOddCharacters_becomeValidKeys() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new Object[] {(double) i});
        }
        Table t = Table.ofArrays(List.of(new Column("price (€)", ColumnType.FLOATING)), rows);
        Map<String, Double> m = DriftDetector.defaults().compare(t, t).metrics();
        assertThat(m).containsKey("drift.price ___.ks").containsEntry("drift.price ___.ks.p_value", 1.0);
    }

    @Test
    void throwIfDrift_yearOverYear_throwsListingEachDriftedColumnWithItsNumbers() {
        DriftReport report = yearOverYear();

        assertThatThrownBy(report::throwIfDrift).isInstanceOf(DriftDetectedException.class)
                .isInstanceOf(dev.mlops4j.validation.DataValidationException.class)
                .hasMessageStartingWith("drift of arrays against arrays: DRIFT: 3 of 5 judged columns drifted")
                .hasMessageContaining("\n  - column 'temp_max': KS D = 0.152541, p = 0.000315709 (drift at"
                        + " p<0.1/0.05)")
                .hasMessageContaining("retrain or take the current data as the new reference")
                .satisfies(e -> assertThat(((DriftDetectedException) e).report()).isSameAs(report));
        assertThat(report.driftedColumns()).hasSize(3);
    }

    @Test
    void throwIfDrift_sameYearOrNotEnoughData_returnsTheReport() {
        DriftReport same = DETECTOR.compare(Weather.year(2012), Weather.year(2012));
        DriftReport tiny = DETECTOR.compare(Weather.year(2012), Weather.days(d -> d.getYear() == 2015
                && d.getDayOfYear() <= 5));

        assertThat(same.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(same.throwIfDrift()).isSameAs(same);
        assertThat(tiny.status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);
        assertThat(tiny.throwIfDrift()).isSameAs(tiny);
    }

    @Test
    void toString_columnDriftAndMonitor_sayTheVerdictAndEveryNumberOnALine() {
        ColumnDrift temp = yearOverYear().column("temp_max");

        List<String> lines = temp.toString().lines().toList();

        assertThat(lines.get(0)).isEqualTo("temp_max (FLOATING): DRIFT, 366 reference / 365 current values");
        assertThat(lines.get(1)).startsWith("  KS D = 0.152541, p = 0.000315709 (exact) -> DRIFT [two-sample");
        assertThat(lines).contains("  missing_fraction_change: 0.00% -> 0.00%, 0.00% (thresholds >=5.00%/10.00%)"
                + " -> NO_DRIFT");
        assertThat(temp.monitor(Monitor.OUTSIDE_REFERENCE_2_SIGMA).orElseThrow().toString())
                .matches("outside_2sd_increase: 3\\.01% -> 6\\.30%, 3\\.\\d\\d% \\(thresholds >=5\\.00%/10\\.00%\\)"
                        + " -> NO_DRIFT");
        ColumnDrift absent = DETECTOR.compare(Weather.year(2012), Weather.days(d -> d.getYear() == 2015
                && d.getDayOfYear() <= 5)).column("wind");
        assertThat(absent.toString()).startsWith("wind (FLOATING): NOT_ENOUGH_DATA, 366 reference / 5 current values:"
                + " 366 values in the reference and 5 in the current data");
    }

    @Test
    void compare_tinyCurrentSample_notEnoughDataRatherThanAlarm() {
        Table tiny = Weather.days(d -> d.getYear() == 2015 && d.getMonthValue() == 7 && d.getDayOfMonth() <= 10);

        DriftReport report = DETECTOR.compare(Weather.year(2012), tiny);

        assertThat(report.columns()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);
            assertThat(c.measurements()).isEmpty();
            assertThat(c.reason()).isEqualTo("366 values in the reference and 10 in the current data; at least 30 per"
                    + " side are needed to judge drift");
        });
        assertThat(report.status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);
        assertThat(report.isDrift()).isFalse();
        assertThat(report.metrics()).doesNotContainKey("drift.status").containsEntry("drift.columns_judged", 0.0);
        // July is far warmer than the 2012 average: with the minimum lowered the same rows do alarm
        assertThat(DriftDetector.builder().ignore("date").minSampleSize(5).build().compare(Weather.year(2012), tiny)
                .column("temp_max").status()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void compare_columnsMissingOrOfOtherKind_notComparableWithReason() {
        List<Object[]> refRows = new ArrayList<>();
        List<Object[]> curRows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            refRows.add(new Object[] {(double) i, "a" + (i % 3), 1L});
            curRows.add(new Object[] {"x" + (i % 4), "a" + (i % 3), (double) i});
        }
        Table ref = Table.ofArrays(List.of(new Column("amount", ColumnType.FLOATING),
                new Column("channel", ColumnType.CATEGORICAL), new Column("old", ColumnType.INTEGER)), refRows);
        Table cur = Table.ofArrays(List.of(new Column("amount", ColumnType.CATEGORICAL),
                new Column("channel", ColumnType.CATEGORICAL), new Column("new", ColumnType.FLOATING)), curRows);

        DriftReport report = DriftDetector.defaults().compare(DriftDetector.defaults().profile(ref),
                DriftDetector.defaults().profile(cur));

        assertThat(report.column("amount").status()).isEqualTo(DriftStatus.NOT_COMPARABLE);
        assertThat(report.column("amount").reason()).isEqualTo("the reference is FLOATING and the current data"
                + " CATEGORICAL: numbers cannot be compared with categories");
        assertThat(report.column("old").reason()).isEqualTo("in the reference but missing from the current data"
                + " (INTEGER)");
        assertThat(report.column("new").reason()).isEqualTo("only in the current data, not in the reference");
        assertThat(report.column("channel").status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(report.judgedColumns()).isEqualTo(1);
        assertThat(report.status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThatThrownBy(() -> report.column("nope")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("[amount, channel, old, new]");
    }

    @Test
    void multipleTesting_bonferroniDemotesAMarginalColumnWhileBenjaminiHochbergKeepsIt() {
        DriftReport bonferroni = DriftDetector.builder().ignore("date").multipleTesting(MultipleTesting.BONFERRONI)
                .build().compare(Weather.year(2012), Weather.year(2015));
        DriftReport bh = DriftDetector.builder().ignore("date").multipleTesting(MultipleTesting.BENJAMINI_HOCHBERG)
                .build().compare(Weather.year(2012), Weather.year(2015));

        // temp_min: p = 0.0112 among 5 tests; Bonferroni 0.056 (a warning), BH 0.0187 (still drift)
        Measurement b = bonferroni.column("temp_min").measurement().orElseThrow();
        assertThat(b.adjustedPValue()).isEqualTo(Math.min(1, 5 * b.pValue()));
        assertThat(bonferroni.column("temp_min").status()).isEqualTo(DriftStatus.WARNING);
        assertThat(bh.column("temp_min").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(bh.column("temp_min").measurement().orElseThrow().adjustedPValue())
                .isEqualTo(b.pValue() * 5 / 3);
        assertThat(bonferroni.toString()).contains("ADJ. P").contains("p-values corrected by BONFERRONI");
        assertThat(DriftReport.fromJson(bh.toJson())).isEqualTo(bh);
    }

    @Test
    void builder_overrides_methodsAndThresholdsPerColumn() {
        DriftDetector d = DriftDetector.builder().ignore("date")
                .method("wind", DriftMethod.WASSERSTEIN_NORMED).thresholds("wind", Thresholds.of(0.1, 0.15))
                .method(DriftMethod.PSI).thresholds(DriftMethod.PSI, Thresholds.of(0.05, 0.2))
                .columns("wind", "temp_max", "weather", "date").build();

        DriftReport r = d.compare(Weather.year(2012), Weather.year(2015));

        assertThat(r.columns()).extracting(ColumnDrift::column).containsExactly("temp_max", "wind", "weather");
        Measurement wind = r.column("wind").measurement().orElseThrow();
        assertThat(wind.method()).isEqualTo(DriftMethod.WASSERSTEIN_NORMED);
        assertThat(wind.thresholds()).isEqualTo(Thresholds.of(0.1, 0.15));
        assertThat(wind.status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(r.column("temp_max").measurement().orElseThrow().method()).isEqualTo(DriftMethod.PSI);
        assertThat(r.column("temp_max").measurement().orElseThrow().thresholds()).isEqualTo(Thresholds.of(0.05, 0.2));
        assertThat(r.column("weather").measurements()).hasSize(1);
    }

    @Test
    void builder_methodNotForTheColumnsType_failsNamingIt() {
        DriftDetector d = DriftDetector.builder().method("weather", DriftMethod.KOLMOGOROV_SMIRNOV).build();
        assertThatThrownBy(() -> d.compare(Weather.year(2012), Weather.year(2013)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("drift method KOLMOGOROV_SMIRNOV does not apply to column 'weather' (CATEGORICAL); choose"
                        + " a method for categorical columns");
        DriftDetector z = DriftDetector.builder().method("weather", DriftMethod.Z_TEST).build();
        assertThatThrownBy(() -> z.compare(Weather.year(2012), Weather.year(2013)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("5 distinct values");
    }

    @Test
    void thresholds_wrongOrder_rejectedWithTheRule() {
        assertThatThrownBy(() -> DriftDetector.builder().thresholds(DriftMethod.PSI, Thresholds.of(0.3, 0.1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("warning <= drift");
        assertThatThrownBy(() -> DriftDetector.builder().thresholds(DriftMethod.KOLMOGOROV_SMIRNOV,
                Thresholds.of(0.01, 0.05))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("0 < drift <= warning <= 1");
        assertThatThrownBy(() -> DriftDetector.builder().minSampleSize(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DriftDetector.builder().logBase(1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DriftDetector.builder().driftShare(1.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void thresholds_judge_bothDirections() {
        Thresholds p = Thresholds.of(0.1, 0.05);
        assertThat(p.judge(true, 0.2)).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(p.judge(true, 0.1)).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(p.judge(true, 0.07)).isEqualTo(DriftStatus.WARNING);
        assertThat(p.judge(true, 0.049)).isEqualTo(DriftStatus.DRIFT);
        Thresholds d = Thresholds.of(0.1, 0.25);
        assertThat(d.judge(false, 0.09)).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(d.judge(false, 0.1)).isEqualTo(DriftStatus.WARNING);
        assertThat(d.judge(false, 0.25)).isEqualTo(DriftStatus.DRIFT);
        assertThat(d.describe(false)).isEqualTo(">=0.1/0.25");
        assertThat(Thresholds.single(0.05).describe(true)).isEqualTo("p<0.05");
    }
}
