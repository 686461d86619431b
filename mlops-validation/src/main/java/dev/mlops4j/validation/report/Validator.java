package dev.mlops4j.validation.report;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.internal.ColumnRule;
import dev.mlops4j.validation.internal.Passes;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import dev.mlops4j.validation.internal.ProfileBridge;
import dev.mlops4j.validation.internal.ProfileSettings;
import dev.mlops4j.validation.internal.TextTable;
import dev.mlops4j.validation.internal.ValidationAccumulator;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.schema.ColumnSchema;
import dev.mlops4j.validation.schema.Environment;
import dev.mlops4j.validation.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates data against a {@link Schema} in one pass and reports {@link Anomaly anomalies}. The same pass
 * profiles the data ({@link ValidationReport#profile()}), so validating costs about as much as profiling.
 * Immutable and thread-safe; {@code with...} methods return new validators.
 *
 * <pre>{@code
 * ValidationReport report = Validator.against(schema)
 *         .inEnvironment(Environment.SERVING)
 *         .validate(CsvTable.of(Path.of("requests.csv")));
 * }</pre>
 *
 * <p>Columns are read as the schema's types, so a value of another type is a {@link AnomalyKind#WRONG_TYPE}
 * anomaly rather than a silently different column type. Bad rows never stop the pass: malformed rows are
 * counted and reported by line number.
 */
public final class Validator {
    private final Schema schema;
    private final Environment environment;
    private final int maxSamples;
    private final int parallelism;
    private final boolean quantiles;

    private Validator(Schema schema, Environment environment, int maxSamples, int parallelism, boolean quantiles) {
        this.schema = schema;
        this.environment = environment;
        this.maxSamples = maxSamples;
        this.parallelism = parallelism;
        this.quantiles = quantiles;
    }

    /**
     * @param schema the expectations; copied, so later edits of the schema do not affect this validator
     * @return a validator for no particular environment
     */
    public static Validator against(Schema schema) {
        return new Validator(Objects.requireNonNull(schema, "schema").copy(), null, 5, 1, false);
    }

    /**
     * @param env the environment the data comes from; columns excluded from it are not expected, and present
     *     they are unexpected
     * @return a new validator
     * @throws InvalidInputException if the schema declares environments and this is not one of them
     */
    public Validator inEnvironment(Environment env) {
        if (env != null && !schema.environments().isEmpty() && !schema.environments().contains(env)) {
            throw new InvalidInputException("environment " + env + " is not declared in the schema, which declares "
                    + schema.environments() + "; add it with schema.environments(...)");
        }
        return new Validator(schema, env, maxSamples, parallelism, quantiles);
    }

    /**
     * @param n sample values kept per anomaly (default 5)
     * @return a new validator
     */
    public Validator maxSamples(int n) {
        if (n < 0 || n > 1000) {
            throw new InvalidInputException("maxSamples must be between 0 and 1000, was " + n);
        }
        return new Validator(schema, environment, n, parallelism, quantiles);
    }

    /**
     * @param threads threads used for tables that can be split (in-memory lists); default 1
     * @return a new validator
     */
    public Validator parallelism(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new InvalidInputException("parallelism must be between 1 and 1024, was " + threads);
        }
        return new Validator(schema, environment, maxSamples, threads, quantiles);
    }

    /**
     * The pass profiles the data for the report (see {@link ValidationReport#profile()}). Anomaly detection needs
     * no quantiles, so by default ordered columns with more distinct values than the profiler's exact bound get
     * no quantile sketch (their quantiles and histogram are then empty), which makes validation markedly faster.
     *
     * @param keep true to keep quantile sketches, so that the report's profile is complete
     * @return a new validator
     */
    public Validator withQuantiles(boolean keep) {
        return new Validator(schema, environment, maxSamples, parallelism, keep);
    }

    /**
     * Validates a table.
     *
     * @param data the data
     * @return the report
     * @throws dev.mlops4j.validation.DataSourceException if the data cannot be read at all
     */
    public ValidationReport validate(Table data) {
        Map<String, ColumnSchema> expected = new LinkedHashMap<>();
        for (ColumnSchema c : schema.columns()) {
            if (c.appliesIn(environment)) {
                expected.put(c.name(), c);
            }
        }
        Map<String, ColumnType> types = new HashMap<>();
        expected.forEach((name, c) -> types.put(name, c.type()));
        Table typed = data.withTypes(types);
        List<Column> columns = typed.columns();
        List<ColumnRule> rules = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema c = expected.get(columns.get(i).name());
            if (c != null) {
                rules.add(new ColumnRule(c.name(), i, c.type(),
                        c.min() == null ? Double.NEGATIVE_INFINITY : c.min(),
                        c.max() == null ? Double.POSITIVE_INFINITY : c.max(),
                        c.type() == ColumnType.CATEGORICAL ? c.domain() : null, !c.allowNaN(), maxSamples));
            }
        }
        ValidationAccumulator.Result result = Passes.run(typed, parallelism,
                part -> new ValidationAccumulator(part.columns(), rules,
                        ProfileSettings.DEFAULTS.withQuantiles(quantiles)),
                ValidationAccumulator.Result::merge);
        ProfileData pd = result.profile();
        Profile profile = ProfileBridge.create(typed.description(), pd);
        List<Anomaly> anomalies = new ArrayList<>();
        datasetAnomalies(pd, anomalies);
        Map<String, ColumnRule> ruleByName = new HashMap<>();
        result.rules().forEach(r -> ruleByName.put(r.name(), r));
        for (ColumnSchema c : expected.values()) {
            ColumnRule rule = ruleByName.get(c.name());
            if (rule == null) {
                if (c.required()) {
                    anomalies.add(new Anomaly(c.name(), AnomalyKind.MISSING_COLUMN, c.severity(),
                            "required " + c.type() + " column '" + c.name() + "' is absent from the data" + where()
                                    + "; add it to the data, or if it may be absent: schema.column(\"" + c.name()
                                    + "\").optional()", pd.rows(), pd.rows() == 0 ? 0 : 1, List.of()));
                }
            } else {
                columnAnomalies(c, rule, profile.column(c.name()), anomalies);
            }
        }
        unexpectedColumns(columns, expected, profile, anomalies);
        return new ValidationReport(typed.description(), environment, pd.rows(), pd.malformed(), anomalies, profile);
    }

    private String where() {
        return environment == null ? "" : " (" + environment + ")";
    }

    private void datasetAnomalies(ProfileData pd, List<Anomaly> out) {
        long rows = pd.rows();
        if (pd.malformed() > 0) {
            List<Anomaly.Sample> samples = new ArrayList<>();
            pd.malformedSamples().stream().limit(Math.max(maxSamples, 1))
                    .forEach(m -> samples.add(new Anomaly.Sample(m.reason() + ": " + m.text(), m.line())));
            String first = pd.malformedSamples().isEmpty() ? "" : " (first at line "
                    + pd.malformedSamples().get(0).line() + ": " + pd.malformedSamples().get(0).reason() + ")";
            out.add(new Anomaly(null, AnomalyKind.MALFORMED_ROWS, Severity.ERROR, pd.malformed()
                    + (pd.malformed() == 1 ? " row" : " rows") + " could not be read" + first
                    + "; fix the source, or check the reader settings (separator, quote, encoding)", pd.malformed(),
                    (double) pd.malformed() / (rows + pd.malformed()), samples));
        }
        if (rows == 0) {
            if (schema.minRows() > 0) {
                out.add(new Anomaly(null, AnomalyKind.EMPTY_DATA_SET, Severity.ERROR, "the data set has no"
                        + (pd.malformed() > 0 ? " readable" : "") + " rows; check the source, or accept empty data"
                        + " with schema.rowCount(0, null)", 0, 0, List.of()));
            }
        } else if (rows < schema.minRows()) {
            out.add(new Anomaly(null, AnomalyKind.TOO_FEW_ROWS, Severity.ERROR, rows + " rows, fewer than the"
                    + " schema's minimum of " + schema.minRows(), rows, 1, List.of()));
        }
        if (schema.maxRows().isPresent() && rows > schema.maxRows().get()) {
            out.add(new Anomaly(null, AnomalyKind.TOO_MANY_ROWS, Severity.ERROR, rows + " rows, more than the"
                    + " schema's maximum of " + schema.maxRows().get(), rows, 1, List.of()));
        }
    }

    private void columnAnomalies(ColumnSchema c, ColumnRule rule, ColumnProfile p, List<Anomaly> out) {
        long rows = p.rows();
        String ref = "schema.column(\"" + c.name() + "\")";
        if (p.invalid() > 0) {
            out.add(new Anomaly(c.name(), AnomalyKind.WRONG_TYPE, c.severity(), p.invalid()
                    + values(p.invalid()) + " not of type " + c.type() + "; fix the data, or if the column changed"
                    + " type: " + ref + "." + relaxedTypeCall(c.type(), rule.invalidSamples().samples()), p.invalid(), fraction(p.invalid(), rows),
                    rule.invalidSamples().samples()));
        }
        double missingFraction = fraction(p.missing(), rows);
        if (missingFraction > c.maxMissingFraction()) {
            out.add(new Anomaly(c.name(), AnomalyKind.TOO_MANY_MISSING, c.severity(), p.missing() + " of " + rows
                    + " rows (" + TextTable.percent(missingFraction) + ") have no value; at most "
                    + TextTable.percent(c.maxMissingFraction()) + " allowed. Fix the data or relax: " + ref
                    + ".maxMissingFraction(" + TextTable.number(Math.ceil(missingFraction * 100) / 100) + ")",
                    p.missing(), missingFraction, rule.missingSamples().samples()));
        }
        if (rule.below() > 0) {
            String lo = format(c.type(), c.min());
            out.add(new Anomaly(c.name(), AnomalyKind.VALUE_BELOW_RANGE, c.severity(), rule.below()
                    + values(rule.below()) + " below the minimum " + lo + " (smallest "
                    + p.format(p.min().getAsDouble()) + "); fix the data or widen the range: " + ref + ".min("
                    + boundLiteral(c.type(), p.min().getAsDouble()) + ")", rule.below(), fraction(rule.below(), rows),
                    rule.belowSamples().samples()));
        }
        if (rule.above() > 0) {
            String hi = format(c.type(), c.max());
            out.add(new Anomaly(c.name(), AnomalyKind.VALUE_ABOVE_RANGE, c.severity(), rule.above()
                    + values(rule.above()) + " above the maximum " + hi + " (largest "
                    + p.format(p.max().getAsDouble()) + "); fix the data or widen the range: " + ref + ".max("
                    + boundLiteral(c.type(), p.max().getAsDouble()) + ")", rule.above(), fraction(rule.above(), rows),
                    rule.aboveSamples().samples()));
        }
        if (rule.outsideDomain() > 0) {
            List<Anomaly.Sample> samples = rule.domainSamples().samples();
            StringBuilder add = new StringBuilder();
            samples.stream().map(Anomaly.Sample::value).distinct().forEach(v ->
                    add.append(add.length() == 0 ? "" : ", ").append('"').append(escape(v)).append('"'));
            out.add(new Anomaly(c.name(), AnomalyKind.UNEXPECTED_CATEGORICAL_VALUE, c.severity(), rule.outsideDomain()
                    + values(rule.outsideDomain()) + " outside the domain of " + c.domain().size()
                    + " values; fix the data or extend the domain: " + ref + ".addToDomain(" + add + ")",
                    rule.outsideDomain(), fraction(rule.outsideDomain(), rows), samples));
        }
        if (!c.allowNaN() && p.nanCount() > 0) {
            out.add(new Anomaly(c.name(), AnomalyKind.NAN_VALUES, c.severity(), p.nanCount() + values(p.nanCount())
                    + " NaN, which the schema disallows; fix the data or allow it: " + ref + ".allowNaN()",
                    p.nanCount(), fraction(p.nanCount(), rows), rule.nanSamples().samples()));
        }
        DistinctCount d = p.distinct();
        String approx = d.exact() ? "" : "about ";
        if (c.minDistinct() != null && d.upperBound() < c.minDistinct()) {
            out.add(new Anomaly(c.name(), AnomalyKind.DISTINCT_COUNT_BELOW_MIN, c.severity(), approx + d.estimate()
                    + " distinct values, fewer than the minimum " + c.minDistinct() + "; fix the data or relax: " + ref
                    + ".distinctCount(" + d.estimate() + ", " + c.maxDistinct() + ")", rows, rows == 0 ? 0 : 1,
                    List.of()));
        }
        if (c.maxDistinct() != null && d.lowerBound() > c.maxDistinct()) {
            out.add(new Anomaly(c.name(), AnomalyKind.DISTINCT_COUNT_ABOVE_MAX, c.severity(), approx + d.estimate()
                    + " distinct values, more than the maximum " + c.maxDistinct() + "; fix the data or relax: " + ref
                    + ".distinctCount(" + c.minDistinct() + ", " + d.estimate() + ")", rows, rows == 0 ? 0 : 1,
                    List.of()));
        }
    }

    private void unexpectedColumns(List<Column> columns, Map<String, ColumnSchema> expected, Profile profile,
            List<Anomaly> out) {
        Severity severity = schema.unexpectedColumnSeverity().orElse(null);
        if (severity == null) {
            return;
        }
        for (Column col : columns) {
            if (expected.containsKey(col.name())) {
                continue;
            }
            ColumnProfile p = profile.column(col.name());
            List<Anomaly.Sample> samples = new ArrayList<>();
            p.topValues(maxSamples).forEach(f -> samples.add(new Anomaly.Sample(f.value(), 0)));
            boolean excluded = schema.find(col.name()).isPresent();
            String description = excluded
                    ? "column '" + col.name() + "' must not appear in " + environment + " data; remove it from the"
                            + " data, or change its environments in the schema"
                    : "column '" + col.name() + "' (" + col.type() + ") is not in the schema; drop it from the data,"
                            + " or add it: schema.column(\"" + col.name() + "\")." + typeCall(col.type());
            out.add(new Anomaly(col.name(), AnomalyKind.UNEXPECTED_COLUMN, severity, description, p.count(),
                    fraction(p.count(), p.rows()), samples));
        }
    }

    /** The editor call that relaxes a column's type to accept the wrong-typed values seen. */
    private static String relaxedTypeCall(ColumnType t, List<Anomaly.Sample> samples) {
        boolean allNumbers = !samples.isEmpty();
        for (Anomaly.Sample s : samples) {
            try {
                Double.parseDouble(s.value());
            } catch (NumberFormatException e) {
                allNumbers = false;
            }
        }
        return t == ColumnType.INTEGER && allNumbers ? "floating()" : "categorical()";
    }

    /** The editor call that declares a column of this type. */
    private static String typeCall(ColumnType t) {
        switch (t) {
            case INTEGER:
                return "integer()";
            case FLOATING:
                return "floating()";
            case BOOLEAN:
                return "bool()";
            case DATE:
                return "date()";
            case TIMESTAMP:
                return "timestamp()";
            default:
                return "categorical()";
        }
    }

    private static String values(long n) {
        return n == 1 ? " value is" : " values are";
    }

    private static double fraction(long count, long rows) {
        return rows == 0 ? 0 : (double) count / rows;
    }

    private static String format(ColumnType type, Double v) {
        if (v == null) {
            return "none";
        }
        switch (type) {
            case DATE:
                return java.time.LocalDate.ofEpochDay(v.longValue()).toString();
            case TIMESTAMP:
                return java.time.Instant.ofEpochMilli(v.longValue()).toString();
            default:
                return TextTable.number(v);
        }
    }

    private static String boundLiteral(ColumnType type, double v) {
        switch (type) {
            case DATE:
                return "LocalDate.parse(\"" + java.time.LocalDate.ofEpochDay((long) v) + "\")";
            case TIMESTAMP:
                return "Instant.parse(\"" + java.time.Instant.ofEpochMilli((long) v) + "\")";
            default:
                return TextTable.number(v);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
