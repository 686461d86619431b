package dev.mlops4j.tracking;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.internal.TextTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * A side-by-side diff of the params and latest metrics of runs, as {@code dvc params diff} and
 * {@code dvc metrics diff} show them: the first run is the baseline, every metric of a later run carries its change
 * against the baseline (absolute and relative). Obtained from {@link dev.mlops4j.Runs#compare(String...)} or
 * {@link #of(List)}; immutable.
 *
 * <p>By default {@link #params()}, {@link #metrics()} and {@link #toString()} show only the keys whose values differ
 * between the runs (a key some runs lack differs); {@link #withUnchanged()} returns the same comparison showing every
 * key. Metric values are compared as doubles, except that NaN equals NaN and {@code 0.0} equals {@code -0.0}; the
 * step at which a value was logged does not count.
 *
 * <pre>{@code
 * RunComparison diff = mlops.runs().compare(baselineId, candidateId);
 * System.out.print(diff);                                      // aligned tables of what changed
 * diff.metric("accuracy").flatMap(m -> ...m.delta(1)...);      // +0.02 against the baseline
 * }</pre>
 */
public final class RunComparison {
    private final List<RunRecord> runs;
    private final List<ParamDiff> allParams;
    private final List<MetricDiff> allMetrics;
    private final boolean showUnchanged;

    private RunComparison(List<RunRecord> runs, List<ParamDiff> allParams, List<MetricDiff> allMetrics,
                          boolean showUnchanged) {
        this.runs = runs;
        this.allParams = allParams;
        this.allMetrics = allMetrics;
        this.showUnchanged = showUnchanged;
    }

    /**
     * Compares runs, the first being the baseline.
     *
     * @param runs one or more distinct runs, in the order their columns should appear
     * @return the comparison, showing changed keys only
     * @throws InvalidInputException if no run is given or a run appears twice
     */
    public static RunComparison of(List<RunRecord> runs) {
        Objects.requireNonNull(runs, "runs");
        if (runs.isEmpty()) {
            throw new InvalidInputException("a comparison needs at least one run; pass the run to use as the baseline"
                    + " first, then the runs to compare with it");
        }
        Set<String> seen = new HashSet<>();
        for (RunRecord r : runs) {
            Objects.requireNonNull(r, "run");
            if (!seen.add(r.runId())) {
                throw new InvalidInputException("run " + r.runId() + " appears twice in the comparison; compare"
                        + " distinct runs");
            }
        }
        List<RunRecord> copy = List.copyOf(runs);
        TreeSet<String> paramKeys = new TreeSet<>();
        TreeSet<String> metricKeys = new TreeSet<>();
        copy.forEach(r -> {
            paramKeys.addAll(r.params().keySet());
            metricKeys.addAll(r.latestMetrics().keySet());
        });
        List<ParamDiff> params = new ArrayList<>(paramKeys.size());
        for (String key : paramKeys) {
            params.add(new ParamDiff(key, copy.stream().map(r -> r.params().get(key)).toList()));
        }
        List<MetricDiff> metrics = new ArrayList<>(metricKeys.size());
        for (String key : metricKeys) {
            List<Metric> values = new ArrayList<>(copy.size());
            copy.forEach(r -> values.add(r.latestMetrics().get(key)));
            metrics.add(new MetricDiff(key, values));
        }
        return new RunComparison(copy, List.copyOf(params), List.copyOf(metrics), false);
    }

    /**
     * @param runs one or more distinct runs, the first being the baseline
     * @return the comparison, showing changed keys only
     * @throws InvalidInputException if no run is given or a run appears twice
     */
    public static RunComparison of(RunRecord... runs) {
        return of(java.util.Arrays.asList(Objects.requireNonNull(runs, "runs")));
    }

    /** @return the compared runs, the baseline first */
    public List<RunRecord> runs() {
        return runs;
    }

    /** @return the first run, against which changes are computed */
    public RunRecord baseline() {
        return runs.get(0);
    }

    /** @return the param rows shown: those that differ, or every key after {@link #withUnchanged()}; by key */
    public List<ParamDiff> params() {
        return showUnchanged ? allParams : allParams.stream().filter(ParamDiff::changed).toList();
    }

    /** @return the metric rows shown: those that differ, or every key after {@link #withUnchanged()}; by key */
    public List<MetricDiff> metrics() {
        return showUnchanged ? allMetrics : allMetrics.stream().filter(MetricDiff::changed).toList();
    }

    /**
     * @param key param key
     * @return the row for the key, whether or not it changed; empty if no run has the param
     */
    public Optional<ParamDiff> param(String key) {
        return allParams.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /**
     * @param key metric key
     * @return the row for the key, whether or not it changed; empty if no run has the metric
     */
    public Optional<MetricDiff> metric(String key) {
        return allMetrics.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** @return true if any param or metric differs between the runs */
    public boolean hasChanges() {
        return allParams.stream().anyMatch(ParamDiff::changed) || allMetrics.stream().anyMatch(MetricDiff::changed);
    }

    /** @return true if unchanged keys are shown too */
    public boolean showsUnchanged() {
        return showUnchanged;
    }

    /** @return this comparison showing every key, changed or not (as {@code dvc params diff --all}) */
    public RunComparison withUnchanged() {
        return showUnchanged ? this : new RunComparison(runs, allParams, allMetrics, true);
    }

    /** @return this comparison showing only the keys that differ (the default) */
    public RunComparison changedOnly() {
        return showUnchanged ? new RunComparison(runs, allParams, allMetrics, false) : this;
    }

    /**
     * @param index position of a run in {@link #runs()}
     * @return a short column label for the run: its name (if any) and the first 8 characters of its id
     */
    public String label(int index) {
        RunInfo info = runs.get(index).info();
        String shortId = info.runId().substring(0, Math.min(8, info.runId().length()));
        return info.runName().isEmpty() ? shortId : info.runName() + " (" + shortId + ")";
    }

    /**
     * Renders the shown rows as two aligned tables, params then metrics, with each later run's metric change against
     * the baseline in parentheses ({@code 0.93 (+0.02, +2.2%)}); {@code -} marks a key a run lacks.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        long changedParams = allParams.stream().filter(ParamDiff::changed).count();
        long changedMetrics = allMetrics.stream().filter(MetricDiff::changed).count();
        sb.append("Comparison of ").append(runs.size()).append(runs.size() == 1 ? " run" : " runs")
                .append(" (baseline ").append(label(0)).append("): ")
                .append(changedParams).append(" of ").append(allParams.size()).append(" params and ")
                .append(changedMetrics).append(" of ").append(allMetrics.size()).append(" metrics differ\n");
        List<String> header = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            header.add(label(i));
        }
        List<ParamDiff> shownParams = params();
        if (!shownParams.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (ParamDiff p : shownParams) {
                List<String> row = new ArrayList<>();
                row.add(marker(p.changed()) + p.key());
                p.values().forEach(v -> row.add(v == null ? "-" : v));
                rows.add(row);
            }
            sb.append('\n').append(TextTable.render("  ", prepend("param", header), rows));
        }
        List<MetricDiff> shownMetrics = metrics();
        if (!shownMetrics.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (MetricDiff m : shownMetrics) {
                List<String> row = new ArrayList<>();
                row.add(marker(m.changed()) + m.key());
                for (int i = 0; i < runs.size(); i++) {
                    row.add(metricCell(m, i));
                }
                rows.add(row);
            }
            sb.append('\n').append(TextTable.render("  ", prepend("metric", header), rows));
        }
        long hidden = showUnchanged ? 0 : (allParams.size() - changedParams) + (allMetrics.size() - changedMetrics);
        if (hidden > 0) {
            sb.append("\n(").append(hidden).append(hidden == 1 ? " unchanged key" : " unchanged keys")
                    .append(" not shown; withUnchanged() shows them)\n");
        } else if (showUnchanged && (changedParams + changedMetrics) > 0) {
            sb.append("\n(* marks keys whose values differ)\n");
        }
        return sb.toString();
    }

    private String marker(boolean changed) {
        // Unchanged keys are indented as far as the marker, so that the keys stay aligned.
        return showUnchanged ? (changed ? "* " : "  ") : "";
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String metricCell(MetricDiff m, int index) {
        OptionalDouble value = m.value(index);
        if (value.isEmpty()) {
            return "-";
        }
        String cell = TextTable.number(value.getAsDouble());
        OptionalDouble delta = m.delta(index);
        if (index == 0 || !m.changed() || delta.isEmpty() || !Double.isFinite(delta.getAsDouble())) {
            return cell;
        }
        OptionalDouble relative = m.relativeChange(index);
        return cell + " (" + TextTable.signed(delta.getAsDouble())
                + (relative.isPresent() ? ", " + TextTable.percent(relative.getAsDouble()) : "") + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunComparison c && c.showUnchanged == showUnchanged && c.runs.equals(runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runs, showUnchanged);
    }

    /**
     * One param across the compared runs.
     *
     * @param key param key
     * @param values the value in each run, in the order of {@link RunComparison#runs()}; an element is {@code null}
     *     where that run does not have the param
     */
    public record ParamDiff(String key, List<String> values) {
        public ParamDiff {
            Objects.requireNonNull(key, "key");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * @param run position of the run in the comparison
         * @return its value, empty if the run does not have the param
         */
        public Optional<String> value(int run) {
            return Optional.ofNullable(values.get(run));
        }

        /** @return true unless every run has the param with the same value */
        public boolean changed() {
            return values.stream().distinct().count() > 1;
        }
    }

    /**
     * One metric across the compared runs: each run's latest point, and changes against the baseline (run 0).
     *
     * @param key metric key
     * @param values the latest point in each run, in the order of {@link RunComparison#runs()}; an element is
     *     {@code null} where that run never logged the metric
     */
    public record MetricDiff(String key, List<Metric> values) {
        public MetricDiff {
            Objects.requireNonNull(key, "key");
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * @param run position of the run in the comparison
         * @return its latest value, empty if the run never logged the metric
         */
        public OptionalDouble value(int run) {
            Metric m = values.get(run);
            return m == null ? OptionalDouble.empty() : OptionalDouble.of(m.value());
        }

        /**
         * @param run position of the run in the comparison
         * @return {@code value(run) - value(0)} as IEEE arithmetic gives it (NaN or infinite if a value is);
         *     empty if either run lacks the metric
         */
        public OptionalDouble delta(int run) {
            OptionalDouble base = value(0);
            OptionalDouble v = value(run);
            return base.isPresent() && v.isPresent() ? OptionalDouble.of(v.getAsDouble() - base.getAsDouble())
                    : OptionalDouble.empty();
        }

        /**
         * @param run position of the run in the comparison
         * @return {@code delta(run) / |value(0)|} (0.1 is ten percent up); empty if the delta is, or the baseline
         *     is zero or not finite
         */
        public OptionalDouble relativeChange(int run) {
            OptionalDouble delta = delta(run);
            double base = value(0).orElse(0);
            if (delta.isEmpty() || base == 0 || !Double.isFinite(base)) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(delta.getAsDouble() / Math.abs(base));
        }

        /** @return true unless every run has the metric with an equal latest value */
        public boolean changed() {
            for (int i = 1; i < values.size(); i++) {
                if (!same(values.get(0), values.get(i))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean same(Metric a, Metric b) {
            if (a == null || b == null) {
                return a == b;
            }
            // == makes 0.0 equal -0.0; Double.compare makes NaN equal NaN.
            return a.value() == b.value() || Double.compare(a.value(), b.value()) == 0;
        }
    }
}
