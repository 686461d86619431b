package dev.mlops4j.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunComparisonTest {
    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    private static RunRecord run(String id, String name, Map<String, String> params, Map<String, Double> metrics) {
        Map<String, Metric> latest = new HashMap<>();
        metrics.forEach((k, v) -> latest.put(k, new Metric(k, v, 3, T)));
        return new RunRecord(new RunInfo(id, "1", name, RunStatus.FINISHED, T, T.plusSeconds(2), "u", "s", null, null),
                params, latest, Map.of());
    }

    private static String id(int i) {
        return String.format("%032x", i);
    }

    private final RunRecord baseline = run(id(1), "baseline", Map.of("lr", "0.01", "model", "cart", "seed", "7"),
            Map.of("accuracy", 0.9, "loss", 0.5, "epochs", 10.0));
    private final RunRecord candidate = run(id(2), "candidate", Map.of("lr", "0.1", "model", "cart"),
            Map.of("accuracy", 0.93, "loss", 0.5, "epochs", 10.0, "f1", 0.8));

    @Test
    void of_twoRuns_showsOnlyChangedKeysByDefault() {
        RunComparison c = RunComparison.of(baseline, candidate);

        assertThat(c.params()).extracting(RunComparison.ParamDiff::key).containsExactly("lr", "seed");
        assertThat(c.metrics()).extracting(RunComparison.MetricDiff::key).containsExactly("accuracy", "f1");
        assertThat(c.hasChanges()).isTrue();
        assertThat(c.showsUnchanged()).isFalse();
    }

    @Test
    void withUnchanged_showsEveryKeyInKeyOrder() {
        RunComparison all = RunComparison.of(baseline, candidate).withUnchanged();

        assertThat(all.params()).extracting(RunComparison.ParamDiff::key).containsExactly("lr", "model", "seed");
        assertThat(all.metrics()).extracting(RunComparison.MetricDiff::key)
                .containsExactly("accuracy", "epochs", "f1", "loss");
        assertThat(all.changedOnly()).isEqualTo(RunComparison.of(baseline, candidate));
        assertThat(all).isNotEqualTo(all.changedOnly());
    }

    @Test
    void paramDiff_absentParam_isNullValueAndCountsAsChange() {
        RunComparison.ParamDiff seed = RunComparison.of(baseline, candidate).param("seed").orElseThrow();

        assertThat(seed.values()).containsExactly("7", null);
        assertThat(seed.value(0)).contains("7");
        assertThat(seed.value(1)).isEmpty();
        assertThat(seed.changed()).isTrue();
        assertThat(RunComparison.of(baseline, candidate).param("model").orElseThrow().changed()).isFalse();
    }

    @Test
    void metricDiff_deltaAndRelativeChange_againstBaseline() {
        RunComparison.MetricDiff accuracy = RunComparison.of(baseline, candidate).metric("accuracy").orElseThrow();

        assertThat(accuracy.delta(0).getAsDouble()).isZero();
        assertThat(accuracy.delta(1).getAsDouble()).isCloseTo(0.03, within(1e-12));
        assertThat(accuracy.relativeChange(1).getAsDouble()).isCloseTo(0.03 / 0.9, within(1e-12));
        assertThat(accuracy.values().get(1).step()).isEqualTo(3);
    }

    @Test
    void metricDiff_metricMissingInBaseline_hasValueButNoDelta() {
        RunComparison.MetricDiff f1 = RunComparison.of(baseline, candidate).metric("f1").orElseThrow();

        assertThat(f1.value(0)).isEmpty();
        assertThat(f1.value(1)).hasValue(0.8);
        assertThat(f1.delta(1)).isEmpty();
        assertThat(f1.relativeChange(1)).isEmpty();
    }

    @Test
    void relativeChange_zeroBaseline_isEmptyButDeltaPresent() {
        RunComparison c = RunComparison.of(run(id(1), "a", Map.of(), Map.of("errors", 0.0)),
                run(id(2), "b", Map.of(), Map.of("errors", 4.0)));
        RunComparison.MetricDiff errors = c.metric("errors").orElseThrow();

        assertThat(errors.delta(1)).hasValue(4.0);
        assertThat(errors.relativeChange(1)).isEmpty();
        assertThat(c.toString()).contains("4 (+4)");
    }

    @ParameterizedTest
    @CsvSource({
        "NaN, NaN, false",
        "0.0, -0.0, false",
        "Infinity, Infinity, false",
        "Infinity, -Infinity, true",
        "1.0, NaN, true",
        "0.5, 0.5000000001, true"})
    void metricDiff_changed_comparesValuesWithNaNEqualToItself(double a, double b, boolean changed) {
        RunComparison c = RunComparison.of(run(id(1), "a", Map.of(), Map.of("m", a)),
                run(id(2), "b", Map.of(), Map.of("m", b)));

        assertThat(c.metric("m").orElseThrow().changed()).isEqualTo(changed);
        assertThat(c.metrics()).hasSize(changed ? 1 : 0);
    }

    @Test
    void delta_nonFiniteValues_followIeeeArithmetic() {
        RunComparison c = RunComparison.of(run(id(1), "a", Map.of(), Map.of("m", 1.0, "n", Double.NaN)),
                run(id(2), "b", Map.of(), Map.of("m", Double.POSITIVE_INFINITY, "n", 2.0)));

        assertThat(c.metric("m").orElseThrow().delta(1)).hasValue(Double.POSITIVE_INFINITY);
        assertThat(c.metric("n").orElseThrow().delta(1).getAsDouble()).isNaN();
        assertThat(c.metric("n").orElseThrow().relativeChange(1)).isEmpty();
        assertThat(c.toString()).contains("Infinity").contains("NaN");
    }

    @Test
    void of_singleRun_hasNoChanges() {
        RunComparison c = RunComparison.of(baseline);

        assertThat(c.hasChanges()).isFalse();
        assertThat(c.params()).isEmpty();
        assertThat(c.withUnchanged().params()).hasSize(3);
        assertThat(c.toString()).contains("0 of 3 params and 0 of 3 metrics differ");
    }

    @Test
    void of_noRuns_throwsInvalidInput() {
        assertThatThrownBy(() -> RunComparison.of(List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least one run");
    }

    @Test
    void of_sameRunTwice_throwsInvalidInputNamingIt() {
        assertThatThrownBy(() -> RunComparison.of(baseline, candidate, baseline))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(baseline.runId())
                .hasMessageContaining("twice");
    }

    @Test
    void toString_changedOnly_rendersAlignedTablesWithDeltas() {
        String text = RunComparison.of(baseline, candidate).toString();

        assertThat(text).isEqualTo("""
                Comparison of 2 runs (baseline baseline (00000000)): 2 of 3 params and 2 of 4 metrics differ

                  param  baseline (00000000)  candidate (00000000)
                  -----  -------------------  --------------------
                  lr     0.01                 0.1
                  seed   7                    -

                  metric    baseline (00000000)  candidate (00000000)
                  --------  -------------------  --------------------
                  accuracy  0.9                  0.93 (+0.03, +3.33%)
                  f1        -                    0.8

                (3 unchanged keys not shown; withUnchanged() shows them)
                """);
    }

    @Test
    void toString_withUnchanged_marksChangedKeys() {
        String text = RunComparison.of(baseline, candidate).withUnchanged().toString();

        assertThat(text).isEqualTo("""
                Comparison of 2 runs (baseline baseline (00000000)): 2 of 3 params and 2 of 4 metrics differ

                  param    baseline (00000000)  candidate (00000000)
                  -------  -------------------  --------------------
                  * lr     0.01                 0.1
                    model  cart                 cart
                  * seed   7                    -

                  metric      baseline (00000000)  candidate (00000000)
                  ----------  -------------------  --------------------
                  * accuracy  0.9                  0.93 (+0.03, +3.33%)
                    epochs    10                   10
                  * f1        -                    0.8
                    loss      0.5                  0.5

                (* marks keys whose values differ)
                """);
    }

    @Test
    void toString_hostileNames_stayOnOneLinePerRow() {
        RunRecord evil = run(id(3), "line1\nline2\t<b>", Map.of("lr", "a\r\nb" + "x".repeat(100)), Map.of());
        String text = RunComparison.of(baseline, evil).toString();

        assertThat(text).contains("line1\\nline2\\t<b> (00000000)").contains("a\\r\\nbxxx").contains("...");
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThan(150));
    }

    @Property(tries = 200)
    void changed_isFalseExactlyWhenAllRunsAgree(@ForAll @Size(min = 1, max = 4) List<@StringLength(max = 3) String> values) {
        List<RunRecord> runs = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            runs.add(run(id(i), "r" + i, Map.of("p", values.get(i)), Map.of()));
        }
        RunComparison c = RunComparison.of(runs);

        assertThat(c.param("p").orElseThrow().changed()).isEqualTo(values.stream().distinct().count() > 1);
        assertThat(c.param("p").orElseThrow().values()).isEqualTo(values);
    }

    @Test
    void metricValue_absentMetric_isEmpty() {
        assertThat(RunComparison.of(baseline, candidate).metric("f1").orElseThrow().value(0))
                .isEqualTo(OptionalDouble.empty());
        assertThat(RunComparison.of(baseline, candidate).metric("nope")).isEmpty();
    }
}
