package dev.mlops4j.validation.drift.history;

import dev.mlops4j.Experiment;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.validation.drift.internal.MetricNames;
import dev.mlops4j.validation.profile.Profile;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Data-quality metrics per data set and date, kept in an {@link Mlops} store, and their anomalies. Thread-safe as
 * far as the store is; one writer per data set (concurrent writers of one date may both get the same sequence
 * number, and then either record may win).
 *
 * <pre>{@code
 * QualityHistory history = QualityHistory.in(mlops);
 * history.record("orders", LocalDate.now(), Profile.of(todaysOrders));
 * HistoryReport today = history.check("orders", LocalDate.now());
 * if (today.isAnomalous()) log.warn("{}", today);          // e.g. "amount.missing_fraction 0.08 ... ANOMALY"
 * }</pre>
 *
 * <p>See the {@linkplain dev.mlops4j.validation.drift.history package description} for how the history is stored.
 */
public final class QualityHistory {
    /** Experiments of the history are named this prefix plus the data set's name. */
    public static final String EXPERIMENT_PREFIX = "data-quality/";
    /** Tag holding the ISO date a run records. */
    public static final String DATE_TAG = "quality.date";
    /** Tag holding the data set a run records. */
    public static final String DATA_SET_TAG = "quality.dataset";
    /** Metric numbering the records of one date: the highest is the one in force. */
    public static final String SEQUENCE_METRIC = "quality.sequence";
    /** Where a recorded profile is kept in its run's artifacts. */
    public static final String PROFILE_ARTIFACT = "validation/profile.json";

    private final Mlops mlops;

    private QualityHistory(Mlops mlops) {
        this.mlops = Objects.requireNonNull(mlops, "mlops");
    }

    /**
     * @param mlops an open instance; its store keeps the history
     * @return the history in that store
     */
    public static QualityHistory in(Mlops mlops) {
        return new QualityHistory(mlops);
    }

    /**
     * Records a profile's {@link QualityMetrics} and the profile itself for a date.
     *
     * @param dataSet the data set's name
     * @param date the date the data belongs to
     * @param profile its profile
     * @return the id of the run that holds the record
     */
    public String record(String dataSet, LocalDate date, Profile profile) {
        return record(dataSet, date, profile, Map.of());
    }

    /**
     * Records a profile's {@link QualityMetrics}, further metrics (for example a drift report's
     * {@link dev.mlops4j.validation.drift.DriftReport#metrics()}) and the profile itself for a date.
     *
     * @param dataSet the data set's name
     * @param date the date
     * @param profile its profile
     * @param moreMetrics further metrics (keys obey {@link dev.mlops4j.tracking.Limits})
     * @return the id of the run that holds the record
     */
    public String record(String dataSet, LocalDate date, Profile profile, Map<String, Double> moreMetrics) {
        Map<String, Double> metrics = new LinkedHashMap<>(QualityMetrics.of(profile));
        metrics.putAll(moreMetrics);
        return write(dataSet, date, Objects.requireNonNull(profile, "profile"), metrics);
    }

    /**
     * Records metrics for a date, without a profile.
     *
     * @param dataSet the data set's name
     * @param date the date
     * @param metrics metric name to value (keys obey {@link dev.mlops4j.tracking.Limits})
     * @return the id of the run that holds the record
     */
    public String record(String dataSet, LocalDate date, Map<String, Double> metrics) {
        return write(dataSet, date, null, new LinkedHashMap<>(metrics));
    }

    private String write(String dataSet, LocalDate date, Profile profile, Map<String, Double> metrics) {
        Objects.requireNonNull(date, "date");
        if (metrics.containsKey(SEQUENCE_METRIC)) {
            throw new InvalidInputException("the metric name " + SEQUENCE_METRIC + " is reserved by the history");
        }
        Experiment experiment = mlops.experiment(experimentName(dataSet));
        long sequence = 1;
        for (RunRecord r : finishedRuns(dataSet)) {
            if (date.toString().equals(r.tags().get(DATE_TAG))) {
                sequence = Math.max(sequence, (long) r.metric(SEQUENCE_METRIC).orElse(0) + 1);
            }
        }
        metrics.put(SEQUENCE_METRIC, (double) sequence);
        try (Run run = experiment.newRun().name(date.toString()).tag(DATE_TAG, date.toString())
                .tag(DATA_SET_TAG, dataSet).start()) {
            try {
                // step = the date's epoch day, so that the points of a metric order by date in any tracking UI
                MetricNames.log(run, metrics, date.toEpochDay());
                if (profile != null) {
                    profile.logTo(run, PROFILE_ARTIFACT);
                }
            } catch (RuntimeException e) {
                run.fail(e);
                throw e;
            }
            return run.id();
        }
    }

    private static String experimentName(String dataSet) {
        if (dataSet == null || dataSet.isBlank()) {
            throw new InvalidInputException("the data set name must not be blank");
        }
        return EXPERIMENT_PREFIX + dataSet;
    }

    private List<RunRecord> finishedRuns(String dataSet) {
        Optional<Experiment> e = mlops.findExperiment(experimentName(dataSet));
        if (e.isEmpty()) {
            return List.of();
        }
        List<RunRecord> out = new ArrayList<>();
        e.get().searchRuns().stream().filter(r -> r.status() == RunStatus.FINISHED && r.tags().containsKey(DATE_TAG))
                .forEach(out::add);
        return out;
    }

    /** The record in force per date: the highest sequence number. */
    private NavigableMap<LocalDate, RunRecord> records(String dataSet) {
        NavigableMap<LocalDate, RunRecord> out = new TreeMap<>();
        for (RunRecord r : finishedRuns(dataSet)) {
            LocalDate d;
            try {
                d = LocalDate.parse(r.tags().get(DATE_TAG));
            } catch (DateTimeParseException ex) {
                continue;
            }
            RunRecord old = out.get(d);
            if (old == null || r.metric(SEQUENCE_METRIC).orElse(0) > old.metric(SEQUENCE_METRIC).orElse(0)) {
                out.put(d, r);
            }
        }
        return out;
    }

    /**
     * @param dataSet a data set
     * @return the dates recorded, oldest first (empty for an unknown data set)
     */
    public List<LocalDate> dates(String dataSet) {
        return new ArrayList<>(records(dataSet).keySet());
    }

    /**
     * @param dataSet a data set
     * @return the names of the metrics recorded on any date, sorted
     */
    public Set<String> metrics(String dataSet) {
        Set<String> out = new TreeSet<>();
        records(dataSet).values().forEach(r -> out.addAll(r.latestMetrics().keySet()));
        out.remove(SEQUENCE_METRIC);
        return out;
    }

    /**
     * @param dataSet a data set
     * @param metric a metric
     * @return its value per recorded date that has it, oldest first
     */
    public List<HistoryPoint> series(String dataSet, String metric) {
        List<HistoryPoint> out = new ArrayList<>();
        records(dataSet).forEach((d, r) -> {
            Metric m = r.latestMetrics().get(metric);
            if (m != null) {
                out.add(new HistoryPoint(d, m.value()));
            }
        });
        return out;
    }

    /**
     * @param dataSet a data set
     * @param date a date
     * @return the profile recorded that date, if it was recorded with one
     */
    public Optional<Profile> profile(String dataSet, LocalDate date) {
        RunRecord r = records(dataSet).get(date);
        if (r == null || mlops.runs().artifacts(r.runId()).stream().noneMatch(a -> a.path().equals(PROFILE_ARTIFACT))) {
            return Optional.empty();
        }
        return Optional.of(Profile.readFrom(mlops.runs(), r.runId(), PROFILE_ARTIFACT));
    }

    /**
     * Judges every recorded value of a metric against the values before it.
     *
     * @param dataSet a data set
     * @param metric a metric
     * @param strategy the strategy
     * @return one finding per recorded date, oldest first
     */
    public List<HistoryFinding> evaluate(String dataSet, String metric, AnomalyStrategy strategy) {
        List<HistoryPoint> points = series(dataSet, metric);
        double[] values = points.stream().mapToDouble(HistoryPoint::value).toArray();
        List<Expectation> e = strategy.evaluate(values);
        List<HistoryFinding> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            out.add(new HistoryFinding(metric, points.get(i).date(), values[i], e.get(i), i, strategy.describe()));
        }
        return out;
    }

    /**
     * Judges the metrics of one date with {@link HistoryChecks#defaults()}.
     *
     * @param dataSet a data set
     * @param date a recorded date
     * @return the report
     * @throws NotFoundException if nothing was recorded for that date
     */
    public HistoryReport check(String dataSet, LocalDate date) {
        return check(dataSet, date, HistoryChecks.defaults());
    }

    /**
     * Judges each metric recorded on one date that a check covers against its values on the earlier dates (later
     * dates are ignored, so a past day is judged as it would have been that day).
     *
     * @param dataSet a data set
     * @param date a recorded date
     * @param checks which strategy judges which metric
     * @return the report
     * @throws NotFoundException if nothing was recorded for that date
     */
    public HistoryReport check(String dataSet, LocalDate date, HistoryChecks checks) {
        NavigableMap<LocalDate, RunRecord> records = records(dataSet);
        RunRecord today = records.get(date);
        if (today == null) {
            throw new NotFoundException("no quality metrics recorded for data set '" + dataSet + "' on " + date
                    + (records.isEmpty() ? "; nothing was recorded for it" : "; recorded dates run from "
                    + records.firstKey() + " to " + records.lastKey()) + ". Record them with QualityHistory.record");
        }
        NavigableMap<LocalDate, RunRecord> upTo = records.headMap(date, true);
        List<HistoryFinding> findings = new ArrayList<>();
        for (String metric : new TreeSet<>(today.latestMetrics().keySet())) {
            if (metric.equals(SEQUENCE_METRIC)) {
                continue;
            }
            Optional<AnomalyStrategy> strategy = checks.strategyFor(metric);
            if (strategy.isEmpty()) {
                continue;
            }
            List<Double> values = new ArrayList<>();
            for (RunRecord r : upTo.values()) {
                Metric m = r.latestMetrics().get(metric);
                if (m != null) {
                    values.add(m.value());
                }
            }
            double[] series = values.stream().mapToDouble(Double::doubleValue).toArray();
            List<Expectation> e = strategy.get().evaluate(series);
            findings.add(new HistoryFinding(metric, date, series[series.length - 1], e.get(e.size() - 1),
                    series.length - 1, strategy.get().describe()));
        }
        return new HistoryReport(dataSet, date, findings);
    }
}
