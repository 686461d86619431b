package dev.mlops4j.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.MlopsException;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateTest {

    private static MetricValues values(Object... keyValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return MetricValues.of("candidate", m);
    }

    private static RunRecord run(String id, Map<String, Double> metrics) {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        Map<String, Metric> latest = new LinkedHashMap<>();
        metrics.forEach((k, v) -> latest.put(k, new Metric(k, v, 0, t)));
        return new RunRecord(new RunInfo(id, "1", "r", RunStatus.FINISHED, t, t, "u", "s", null, null),
                Map.of(), latest, Map.of());
    }

    @ParameterizedTest
    @CsvSource({"0.90, PASSED", "0.95, PASSED", "0.8999999, FAILED", "0.0, FAILED"})
    void atLeast_boundaryIsInclusive(double observed, ConditionStatus expected) {
        GateResult r = Gate.metric("accuracy").atLeast(0.90).evaluate(Map.of("accuracy", observed));

        assertThat(r.conditions()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(expected);
            assertThat(c.observed()).isEqualTo(observed);
            assertThat(c.threshold()).isEqualTo(">= 0.9");
        });
        assertThat(r.passed()).isEqualTo(expected == ConditionStatus.PASSED);
    }

    @ParameterizedTest
    @CsvSource({"0.5, PASSED", "0.2, PASSED", "0.5000001, FAILED"})
    void atMost_boundaryIsInclusive(double observed, ConditionStatus expected) {
        GateResult r = Gate.metric("rmse").atMost(0.5).evaluate(Map.of("rmse", observed));

        assertThat(r.conditions().get(0).status()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.1, PASSED", "0.9, PASSED", "0.5, PASSED", "0.09, FAILED", "0.91, FAILED"})
    void between_bothBoundsInclusive(double observed, ConditionStatus expected) {
        GateResult r = Gate.metric("ratio").between(0.1, 0.9).evaluate(Map.of("ratio", observed));

        assertThat(r.conditions().get(0).status()).isEqualTo(expected);
        assertThat(r.conditions().get(0).threshold()).isEqualTo("in [0.1, 0.9]");
    }

    @Test
    void evaluate_missingMetric_failsWithReasonNamingIt() {
        GateResult r = Gate.metric("accuracy").atLeast(0.9).evaluate(values("macro_f1", 0.95));

        ConditionResult c = r.conditions().get(0);
        assertThat(c.status()).isEqualTo(ConditionStatus.FAILED);
        assertThat(c.observed()).isNull();
        assertThat(c.reason()).contains("'accuracy'").contains("missing").contains("candidate");
        assertThat(r.passed()).isFalse();
    }

    @Test
    void evaluate_nanValue_failsValueAndChangeConditions() {
        Gate gate = Gate.metric("accuracy").atLeast(0.0).and(Gate.metric("accuracy").notWorseThanChampion());

        GateResult r = gate.evaluate(values("accuracy", Double.NaN), values("accuracy", 0.9));

        assertThat(r.conditions()).extracting(ConditionResult::status)
                .containsExactly(ConditionStatus.FAILED, ConditionStatus.FAILED);
        assertThat(r.conditions()).allSatisfy(c -> assertThat(c.reason()).contains("NaN"));
    }

    @ParameterizedTest
    @CsvSource({
        // candidate, champion, tolerance, expected  (accuracy: higher is better)
        "0.90, 0.91, 0.01, PASSED",
        "0.89, 0.91, 0.01, FAILED",
        "0.95, 0.91, 0.01, PASSED",
        "0.91, 0.91, 0.0, PASSED",
        "0.9099, 0.91, 0.0, FAILED"})
    void notWorseThanBy_higherIsBetter_allowsToleranceInclusive(double candidate, double champion, double tolerance,
                                                               ConditionStatus expected) {
        // Exact binary fractions avoid judging rounding instead of semantics at the boundary.
        double cand = Math.scalb(Math.rint(Math.scalb(candidate, 20)), -20);
        double champ = Math.scalb(Math.rint(Math.scalb(champion, 20)), -20);
        double tol = Math.scalb(Math.rint(Math.scalb(tolerance, 20)), -20);
        Gate gate = Gate.metric("macro_f1").notWorseThan(values("macro_f1", champ)).by(tol);

        GateResult r = gate.evaluate(values("macro_f1", cand));

        ConditionResult c = r.conditions().get(0);
        assertThat(c.status()).isEqualTo(expected);
        assertThat(c.champion()).isEqualTo(champ);
        assertThat(c.change()).isEqualTo(cand - champ);
    }

    @ParameterizedTest
    @CsvSource({
        // candidate, champion, tolerance, expected  (rmse: lower is better)
        "0.50, 0.50, 0.0, PASSED",
        "0.5625, 0.5, 0.0625, PASSED",
        "0.5625, 0.5, 0.03125, FAILED",
        "0.25, 0.5, 0.0, PASSED"})
    void notWorseThanBy_lowerIsBetter_usesDirectionFromName(double candidate, double champion, double tolerance,
                                                            ConditionStatus expected) {
        Gate gate = Gate.metric("rmse").notWorseThan(values("rmse", champion)).by(tolerance);

        GateResult r = gate.evaluate(values("rmse", candidate));

        assertThat(r.conditions().get(0).status()).isEqualTo(expected);
        assertThat(r.conditions().get(0).condition()).contains("lower is better");
    }

    @Test
    void notWorseThan_explicitDirectionOverridesName() {
        Gate gate = Gate.metric("score").lowerIsBetter().notWorseThanChampion().by(0.0);

        assertThat(gate.evaluate(values("score", 2), values("score", 1)).passed()).isFalse();
        assertThat(gate.evaluate(values("score", 1), values("score", 2)).passed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        // candidate, champion, fraction, expected (binary fractions: the boundary is exact)
        "0.96875, 1.0, 0.03125, PASSED",
        "0.9375, 1.0, 0.03125, FAILED",
        "-1.03125, -1.0, 0.03125, PASSED",
        "-1.0625, -1.0, 0.03125, FAILED"})
    void notWorseThanByRelative_dividesByChampionMagnitude(double candidate, double champion, double fraction,
                                                          ConditionStatus expected) {
        Gate gate = Gate.metric("gain").notWorseThanChampion().byRelative(fraction);

        GateResult r = gate.evaluate(values("gain", candidate), values("gain", champion));

        assertThat(r.conditions().get(0).status()).isEqualTo(expected);
        assertThat(r.conditions().get(0).threshold()).isEqualTo("rel. diff >= -3.125%");
    }

    @Test
    void byRelative_championZero_failsUnlessEqual() {
        Gate gate = Gate.metric("gain").notWorseThanChampion().byRelative(0.1);

        GateResult differ = gate.evaluate(values("gain", 0.5), values("gain", 0.0));
        GateResult equal = gate.evaluate(values("gain", 0.0), values("gain", 0.0));

        assertThat(differ.conditions().get(0).status()).isEqualTo(ConditionStatus.FAILED);
        assertThat(differ.conditions().get(0).reason()).contains("champion value of 0");
        assertThat(equal.passed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"0.90625, PASSED", "0.9375, PASSED", "0.90, FAILED", "0.875, FAILED"})
    void betterThanBy_requiresMarginInclusive(double candidate, ConditionStatus expected) {
        Gate gate = Gate.metric("accuracy").betterThan(MetricValues.of("champ", Map.of("accuracy", 0.875))).by(0.03125);

        GateResult r = gate.evaluate(values("accuracy", candidate));

        assertThat(r.conditions().get(0).status()).isEqualTo(expected);
        assertThat(r.conditions().get(0).condition())
                .isEqualTo("accuracy better than champ by 0.03125 (higher is better)");
        assertThat(r.conditions().get(0).threshold()).isEqualTo("diff >= 0.03125");
    }

    @Test
    void changeCondition_noChampion_isSkippedAndReportedNotPassed() {
        Gate gate = Gate.metric("accuracy").atLeast(0.9)
                .and(Gate.metric("macro_f1").notWorseThan((RunRecord) null).by(0.01));

        GateResult r = gate.evaluate(values("accuracy", 0.95, "macro_f1", 0.5));

        assertThat(r.passed()).isTrue();
        assertThat(r.skipped()).singleElement().satisfies(c -> {
            assertThat(c.metric()).isEqualTo("macro_f1");
            assertThat(c.status()).isEqualTo(ConditionStatus.SKIPPED);
            assertThat(c.reason()).contains("no champion");
        });
        assertThat(r.summary()).isEqualTo("PASSED: 1 passed, 0 failed, 1 skipped");
        assertThat(r.toString()).contains("SKIPPED");
    }

    @Test
    void changeCondition_championLacksMetric_isSkipped() {
        GateResult r = Gate.metric("macro_f1").notWorseThanChampion().by(0.01)
                .evaluate(values("macro_f1", 0.9), MetricValues.of("run old", Map.of("accuracy", 0.9)));

        assertThat(r.conditions().get(0).status()).isEqualTo(ConditionStatus.SKIPPED);
        assertThat(r.conditions().get(0).reason()).contains("run old").contains("'macro_f1'");
    }

    @Test
    void changeCondition_boundChampionWinsOverEvaluationChampion() {
        Gate gate = Gate.metric("accuracy").notWorseThan(MetricValues.of("bound", Map.of("accuracy", 0.5)));

        GateResult r = gate.evaluate(values("accuracy", 0.6), MetricValues.of("given", Map.of("accuracy", 0.99)));

        assertThat(r.passed()).isTrue();
        assertThat(r.conditions().get(0).champion()).isEqualTo(0.5);
        assertThat(r.conditions().get(0).condition()).contains("not worse than bound");
    }

    @Test
    void evaluate_runRecords_usesLatestMetricsOfCandidateAndChampion() {
        RunRecord champion = run("c".repeat(32), Map.of("macro_f1", 0.90));
        RunRecord candidate = run("a".repeat(32), Map.of("macro_f1", 0.885, "accuracy", 0.93));
        Gate gate = Gate.metric("accuracy").atLeast(0.9).and(Gate.metric("macro_f1").notWorseThan(champion).by(0.01));

        GateResult r = gate.evaluate(candidate);

        assertThat(r.candidate()).isEqualTo("run " + "a".repeat(32));
        assertThat(r.failures()).singleElement().satisfies(c -> assertThat(c.metric()).isEqualTo("macro_f1"));
        assertThat(Gate.metric("macro_f1").notWorseThanChampion().by(0.02).evaluate(candidate, champion).passed())
                .isTrue();
    }

    @Test
    void perSlice_everySliceChecked_oneBadSliceFailsGate() {
        MetricValues m = MetricValues.of("run x", Map.of(
                "accuracy", 0.93,
                SliceKeys.key("region", "north", "accuracy"), 0.95,
                SliceKeys.key("region", "south", "accuracy"), 0.79,
                SliceKeys.key("region", "east", "accuracy"), 0.80,
                SliceKeys.key("season", "winter", "accuracy"), 0.1));
        Gate gate = Gate.metric("accuracy").atLeast(0.9).and(Gate.metric("accuracy").perSlice("region").atLeast(0.8));

        GateResult r = gate.evaluate(m);

        assertThat(r.passed()).isFalse();
        assertThat(r.conditions()).extracting(ConditionResult::slice)
                .containsExactly(null, "region=east", "region=north", "region=south");
        assertThat(r.conditions()).extracting(ConditionResult::status).containsExactly(ConditionStatus.PASSED,
                ConditionStatus.PASSED, ConditionStatus.PASSED, ConditionStatus.FAILED);
        assertThat(r.failures().get(0).reason()).isEqualTo("0.79 is below 0.8");
    }

    @Test
    void perSlice_noSliceMetrics_failsWithHint() {
        GateResult r = Gate.metric("accuracy").perSlice("region").atLeast(0.8).evaluate(values("accuracy", 0.99));

        assertThat(r.passed()).isFalse();
        assertThat(r.conditions().get(0).reason()).contains("no per-slice values").contains("'region'");
        assertThat(r.conditions().get(0).metric()).isEqualTo("slice/region/*/accuracy");
    }

    @Test
    void perSlice_changeCondition_comparesSameSliceOfChampion() {
        MetricValues candidate = MetricValues.of("cand", Map.of(SliceKeys.key("region", "a", "f1"), 0.80,
                SliceKeys.key("region", "b", "f1"), 0.90));
        MetricValues champion = MetricValues.of("champ", Map.of(SliceKeys.key("region", "a", "f1"), 0.85));

        GateResult r = Gate.metric("f1").perSlice("region").notWorseThanChampion().by(0.01)
                .evaluate(candidate, champion);

        assertThat(r.conditions()).extracting(ConditionResult::status)
                .containsExactly(ConditionStatus.FAILED, ConditionStatus.SKIPPED);
        assertThat(r.conditions().get(0).champion()).isEqualTo(0.85);
    }

    @Test
    void and_keepsOrderAndFirstName() {
        Gate gate = Gate.metric("a").atLeast(1).named("release").and(Gate.metric("b").atMost(2).named("other"));

        assertThat(gate.name()).isEqualTo("release");
        assertThat(gate.conditions()).extracting(Condition::metric).containsExactly("a", "b");
        assertThat(Gate.allOf(Gate.metric("x").atLeast(0), Gate.metric("y").atLeast(0)).conditions()).hasSize(2);
        assertThat(gate).hasToString("Gate 'release': a >= 1 and b <= 2");
    }

    @Test
    void throwIfFailed_failed_throwsTypedExceptionWithTable() {
        GateResult r = Gate.metric("accuracy").atLeast(0.9).named("release").evaluate(values("accuracy", 0.5));

        assertThatThrownBy(r::throwIfFailed)
                .isInstanceOf(GateFailedException.class)
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("gate 'release' failed for candidate: accuracy >= 0.9 (0.5 is below 0.9)")
                .satisfies(e -> assertThat(((GateFailedException) e).result()).isSameAs(r));
    }

    @Test
    void throwIfFailed_passed_returnsResult() {
        GateResult r = Gate.metric("accuracy").atLeast(0.9).evaluate(values("accuracy", 0.95));

        assertThat(r.throwIfFailed()).isSameAs(r);
    }

    @Test
    void toString_rendersAlignedTable() {
        MetricValues m = MetricValues.of("run abc", Map.of("accuracy", 0.95,
                SliceKeys.key("region", "north", "accuracy"), 0.5));
        GateResult r = Gate.metric("accuracy").atLeast(0.9)
                .and(Gate.metric("accuracy").perSlice("region").atLeast(0.8))
                .and(Gate.metric("macro_f1").notWorseThanChampion().by(0.01)).named("release").evaluate(m);

        List<String> lines = r.toString().lines().toList();

        assertThat(lines.get(0)).isEqualTo("Gate 'release' on run abc: FAILED: 1 passed, 2 failed, 0 skipped");
        assertThat(lines).hasSize(6);
        int observedColumn = lines.get(1).indexOf("observed");
        assertThat(lines.get(3).substring(observedColumn)).startsWith("0.95");
        assertThat(lines.get(4).substring(observedColumn)).startsWith("0.5 ");
        assertThat(lines.get(4)).contains("region=north").contains("FAILED");
        assertThat(lines.get(5)).contains("missing");
    }

    @Test
    void builders_invalidArguments_throwInvalidInput() {
        assertThatThrownBy(() -> Gate.metric("a").atLeast(Double.NaN)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Gate.metric("a").notWorseThanChampion().by(-0.1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> Gate.metric(" ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Gate.metric("a").between(2, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Gate.metric("a").atLeast(1).named("bad name"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad name");
    }

    @Test
    void gates_areValuesWithEquality() {
        assertThat(Gate.metric("a").atLeast(1)).isEqualTo(Gate.metric("a").atLeast(1));
        assertThat(Gate.metric("a").atLeast(1)).isNotEqualTo(Gate.metric("a").atLeast(2));
        assertThat(Gate.metric("a").notWorseThanChampion()).isEqualTo(Gate.metric("a").notWorseThanChampion());
    }

    @Test
    void toString_valuesConditionsAndThresholds_readableForJShell() {
        MetricValues champion = MetricValues.of("run champ", Map.of("macro_f1", 0.9));
        Gate gate = Gate.metric("accuracy").perSlice("region").atLeast(0.8)
                .and(Gate.metric("macro_f1").notWorseThan(champion).byRelative(0.02)).named("release");
        GateResult r = gate.evaluate(MetricValues.of("run abc", Map.of("macro_f1", 0.85,
                SliceKeys.key("region", "north", "accuracy"), 0.75)));

        assertThat(gate).hasToString("Gate 'release': accuracy >= 0.8 in every slice of region and macro_f1 not worse"
                + " than run champ by 2% (higher is better)");
        assertThat(r.conditions().get(0)).hasToString("FAILED accuracy >= 0.8 in every slice of region"
                + " [region=north]: observed 0.75 (0.75 is below 0.8)");
        assertThat(r.conditions().get(1).toString()).startsWith("FAILED macro_f1 not worse than run champ by 2%")
                .contains("observed 0.85, champion 0.9").contains("misses rel. diff >= -2%");
        assertThat(gate.conditions().get(0).threshold()).hasToString(">= 0.8");
        assertThat(gate.conditions().get(1).threshold())
                .hasToString("rel. diff >= -2% (higher is better, vs run champ)");
        assertThat(Gate.metric("rmse").notWorseThanChampion().by(0.1).conditions().get(0).threshold())
                .hasToString("diff <= 0.1 (lower is better, vs the champion given at evaluation)");
        assertThat(MetricValues.of("run abc", Map.of("b", 2, "a", 0.5)))
                .hasToString("MetricValues[run abc: 2 values: a=0.5, b=2]");
        assertThat(MetricValues.of("empty", Map.of())).hasToString("MetricValues[empty: 0 values]");
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            many.put(String.format("m%02d", i), (double) i);
        }
        assertThat(MetricValues.of("run big", many).toString()).startsWith("MetricValues[run big: 25 values: m00=0,")
                .contains("m19=19").doesNotContain("m20").endsWith("... (5 more)]");
        ConditionResult missing = Gate.metric("auc").atLeast(0.5).evaluate(Map.of()).conditions().get(0);
        assertThat(missing.toString()).startsWith("FAILED auc >= 0.5: observed (missing) (metric 'auc' is missing");
    }
}
