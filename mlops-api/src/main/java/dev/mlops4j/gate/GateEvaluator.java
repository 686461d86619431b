package dev.mlops4j.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;

/** Evaluates a gate's conditions against metric values: the semantics documented on {@link Gate}. */
final class GateEvaluator {
    private GateEvaluator() {
    }

    static GateResult evaluate(Gate gate, MetricValues candidate, MetricValues champion) {
        Objects.requireNonNull(candidate, "candidate");
        List<ConditionResult> results = new ArrayList<>();
        for (Condition c : gate.conditions()) {
            if (c.perSlice()) {
                evaluateSlices(c, candidate, champion, results);
            } else {
                results.add(check(c, c.metric(), null, candidate.get(c.metric()), candidate, champion));
            }
        }
        return new GateResult(gate.name(), candidate.source(), champion == null ? null : champion.source(), results);
    }

    private static void evaluateSlices(Condition c, MetricValues candidate, MetricValues champion,
                                       List<ConditionResult> results) {
        SortedMap<String, Double> slices = candidate.slices(c.sliceColumn(), c.metric());
        if (slices.isEmpty()) {
            // A per-slice condition with nothing to check must not pass: the slices were never computed.
            String pattern = SliceKeys.PREFIX + SliceKeys.escape(c.sliceColumn()) + "/*/" + c.metric();
            results.add(new ConditionResult(c.describe(), pattern, null,
                    ConditionStatus.FAILED, null, c.threshold().describe(), null, null,
                    "no per-slice values of '" + c.metric() + "' for column '" + c.sliceColumn() + "' in "
                            + candidate.source() + "; evaluate the model sliced by '" + c.sliceColumn() + "'"));
            return;
        }
        for (Map.Entry<String, Double> slice : slices.entrySet()) {
            String key = SliceKeys.key(c.sliceColumn(), slice.getKey(), c.metric());
            results.add(check(c, key, c.sliceColumn() + "=" + slice.getKey(), OptionalDouble.of(slice.getValue()),
                    candidate, champion));
        }
    }

    private static ConditionResult check(Condition c, String key, String slice, OptionalDouble observed,
                                         MetricValues candidate, MetricValues champion) {
        String condition = c.describe();
        String threshold = c.threshold().describe();
        if (observed.isEmpty()) {
            return new ConditionResult(condition, key, slice, ConditionStatus.FAILED, null, threshold, null, null,
                    "metric '" + key + "' is missing from " + candidate.source() + "; log it before evaluating the gate");
        }
        double value = observed.getAsDouble();
        if (c.threshold() instanceof ValueThreshold v) {
            if (Double.isNaN(value)) {
                return new ConditionResult(condition, key, slice, ConditionStatus.FAILED, value, threshold, null, null,
                        "observed value is NaN");
            }
            boolean ok = v.test(value);
            String reason = ok ? Numbers.format(value) + " " + threshold
                    : value < v.lowerBound() ? Numbers.format(value) + " is below " + Numbers.format(v.lowerBound())
                    : Numbers.format(value) + " is above " + Numbers.format(v.upperBound());
            return new ConditionResult(condition, key, slice, ok ? ConditionStatus.PASSED : ConditionStatus.FAILED,
                    value, threshold, null, null, reason);
        }
        ChangeThreshold t = (ChangeThreshold) c.threshold();
        MetricValues baseline = t.champion() != null ? t.champion() : champion;
        if (baseline == null) {
            return new ConditionResult(condition, key, slice, ConditionStatus.SKIPPED, value, threshold, null, null,
                    "no champion to compare with (first model?); the change was not checked");
        }
        OptionalDouble championValue = baseline.get(key);
        if (championValue.isEmpty()) {
            return new ConditionResult(condition, key, slice, ConditionStatus.SKIPPED, value, threshold, null, null,
                    "champion " + baseline.source() + " has no metric '" + key + "'; the change was not checked");
        }
        double champ = championValue.getAsDouble();
        if (Double.isNaN(value) || Double.isNaN(champ)) {
            return new ConditionResult(condition, key, slice, ConditionStatus.FAILED, value, threshold, champ, null,
                    (Double.isNaN(value) ? "observed" : "champion's") + " value is NaN; the change cannot be computed");
        }
        double change = t.change(value, champ);
        if (Double.isNaN(change)) {
            return new ConditionResult(condition, key, slice, ConditionStatus.FAILED, value, threshold, champ, null,
                    t.mode() == ChangeMode.RELATIVE && champ == 0.0
                            ? "a relative change from a champion value of 0 is undefined; use an absolute threshold (by)"
                            : "the change from " + Numbers.format(champ) + " to " + Numbers.format(value)
                                    + " is undefined");
        }
        boolean ok = t.test(change);
        String shown = t.mode() == ChangeMode.ABSOLUTE ? Numbers.format(change) : Numbers.format(change * 100) + "%";
        String reason = "change " + shown + (ok ? " meets " : " misses ") + threshold;
        return new ConditionResult(condition, key, slice, ok ? ConditionStatus.PASSED : ConditionStatus.FAILED,
                value, threshold, champ, change, reason);
    }
}
