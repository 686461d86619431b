package dev.mlops4j.report;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.MetricHistoryQuery;
import dev.mlops4j.Runs;
import dev.mlops4j.report.internal.MetricCurve;
import dev.mlops4j.report.internal.RunComparisonHtml;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A run comparison as an HTML page: the runs' attributes; their params and latest metrics side by side, changed
 * values highlighted, metric changes against the first run; and each metric as a chart, a line per run over steps
 * when histories were given (bars of the latest values for metrics logged once). Immutable; from
 * {@link Reports#runComparison(dev.mlops4j.Mlops, String...)} or {@link #builder(RunComparison)}.
 *
 * <pre>{@code
 * RunComparisonReport report = RunComparisonReport.builder(mlops.runs().compare(a, b))
 *         .title("Learning-rate sweep")
 *         .histories(mlops.runs())
 *         .build();
 * report.writeTo(Path.of("target/sweep.html"));
 * }</pre>
 */
public final class RunComparisonReport implements Report {
    /** Points per curve and run when none is set: finer than a chart's pixels, small in the file. */
    public static final int DEFAULT_MAX_POINTS = 500;

    private final RunComparison comparison;
    private final Map<String, Map<String, MetricCurve>> curves;
    private final String title;
    private final RunComparisonHtml.Settings settings;

    private RunComparisonReport(RunComparison comparison, Map<String, Map<String, MetricCurve>> curves, String title,
                                RunComparisonHtml.Settings settings) {
        this.comparison = comparison;
        this.curves = curves;
        this.title = title;
        this.settings = settings;
    }

    /**
     * @param comparison the runs to show, the baseline first
     * @return a builder
     */
    public static Builder builder(RunComparison comparison) {
        return new Builder(comparison);
    }

    /** @return what the report compares */
    public RunComparison comparison() {
        return comparison;
    }

    @Override
    public String title() {
        return title;
    }

    /** @return how many charts the page holds */
    public int chartCount() {
        return RunComparisonHtml.charts(comparison, curves, settings).size();
    }

    @Override
    public String toHtml() {
        return RunComparisonHtml.render(title, comparison, curves, settings);
    }

    /** @return a one-line summary: what is compared and how to save it */
    @Override
    public String toString() {
        return "Run comparison report '" + title + "': " + comparison.runs().size() + " runs, "
                + comparison.withUnchanged().params().size() + " params, " + comparison.withUnchanged().metrics().size()
                + " metrics, " + chartCount() + " charts; writeTo(Path) saves it as one HTML file";
    }

    /** Collects the settings and metric histories of a report; not thread-safe. */
    public static final class Builder {
        private final RunComparison comparison;
        private String title;
        private String source = "";
        private final Map<String, String> experimentNames = new TreeMap<>();
        private boolean showUnchanged = true;
        private Instant generatedAt;
        private int maxPoints = DEFAULT_MAX_POINTS;
        private Runs historySource;
        private final Map<String, Map<String, MetricCurve>> given = new LinkedHashMap<>();

        private Builder(RunComparison comparison) {
            this.comparison = Objects.requireNonNull(comparison, "comparison");
        }

        /**
         * @param text the page title (default: the runs' names)
         * @return this builder
         */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "title");
            return this;
        }

        /**
         * @param description where the runs come from, shown under the title (e.g. {@code mlops.describeStore()})
         * @return this builder
         */
        public Builder source(String description) {
            this.source = Objects.requireNonNull(description, "source");
            return this;
        }

        /**
         * @param experimentId an experiment id
         * @param name its name, shown instead of the id
         * @return this builder
         */
        public Builder experimentName(String experimentId, String name) {
            experimentNames.put(Objects.requireNonNull(experimentId, "experimentId"), Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * @param show true (the default) to list unchanged params and metrics too, greyed out; false to list only
         *     the keys whose values differ
         * @return this builder
         */
        public Builder showUnchanged(boolean show) {
            this.showUnchanged = show;
            return this;
        }

        /**
         * @param time the generation time printed in the footer (default: when {@link #build()} is called)
         * @return this builder
         */
        public Builder generatedAt(Instant time) {
            this.generatedAt = Objects.requireNonNull(time, "time");
            return this;
        }

        /**
         * @param points most points per run and metric to draw (at least 4); longer histories read through
         *     {@link #histories(Runs)} are down-sampled with {@link MetricHistoryQuery#downsample(int)}
         * @return this builder
         */
        public Builder maxPointsPerCurve(int points) {
            if (points < 4) {
                throw new InvalidInputException("maxPointsPerCurve must be at least 4, was " + points);
            }
            this.maxPoints = points;
            return this;
        }

        /**
         * Reads the history of every metric of every compared run from the store when {@link #build()} runs.
         *
         * @param runs where to read, usually {@code mlops.runs()}
         * @return this builder
         */
        public Builder histories(Runs runs) {
            this.historySource = Objects.requireNonNull(runs, "runs");
            return this;
        }

        /**
         * Gives one run's history of one metric; it replaces a history read through {@link #histories(Runs)}. The
         * points are drawn as given, so pass few (such as {@link MetricHistoryQuery#downsample(int)} returns).
         *
         * @param runId a compared run
         * @param key the metric
         * @param points its history, in step order
         * @return this builder
         * @throws InvalidInputException if the run is not part of the comparison
         */
        public Builder history(String runId, String key, List<Metric> points) {
            Objects.requireNonNull(key, "key");
            if (comparison.runs().stream().noneMatch(r -> r.runId().equals(runId))) {
                throw new InvalidInputException("run " + runId + " is not part of the comparison; give histories of"
                        + " the compared runs only");
            }
            given.computeIfAbsent(runId, k -> new TreeMap<>()).put(key, new MetricCurve(points, points.size()));
            return this;
        }

        /** @return the report; histories are read now if {@link #histories(Runs)} was called */
        public RunComparisonReport build() {
            Map<String, Map<String, MetricCurve>> curves = new LinkedHashMap<>();
            for (RunRecord run : comparison.runs()) {
                Map<String, MetricCurve> byKey = new TreeMap<>();
                if (historySource != null) {
                    for (String key : run.latestMetrics().keySet()) {
                        MetricHistoryQuery q = historySource.metricHistory(run.runId(), key);
                        long total = q.count();
                        byKey.put(key, new MetricCurve(total > maxPoints ? q.downsample(maxPoints) : q.all(), total));
                    }
                }
                byKey.putAll(given.getOrDefault(run.runId(), Map.of()));
                curves.put(run.runId(), Map.copyOf(byKey));
            }
            String t = title != null ? title : defaultTitle(comparison, experimentNames);
            RunComparisonHtml.Settings settings = new RunComparisonHtml.Settings(source, Map.copyOf(experimentNames),
                    showUnchanged, generatedAt != null ? generatedAt : Instant.now(), maxPoints);
            return new RunComparisonReport(comparison, Map.copyOf(curves), t, settings);
        }

        private static String defaultTitle(RunComparison c, Map<String, String> experimentNames) {
            StringBuilder sb = new StringBuilder("Run comparison: ");
            if (c.runs().size() > 3) {
                sb.append(c.runs().size()).append(" runs");
                // Name the experiment when all runs share one whose name is known.
                List<String> ids = c.runs().stream().map(r -> r.info().experimentId()).distinct().toList();
                if (ids.size() == 1 && experimentNames.containsKey(ids.get(0))) {
                    sb.append(" of ").append(experimentNames.get(ids.get(0)));
                }
                return sb.toString();
            }
            for (int i = 0; i < c.runs().size(); i++) {
                sb.append(i == 0 ? "" : " vs ").append(c.label(i));
            }
            return sb.toString();
        }
    }
}
