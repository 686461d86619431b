package dev.mlops4j.validation.schema;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.ColumnType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Edits one column of a {@link Schema} in place, fluently:
 *
 * <pre>{@code
 * schema.column("age").integer().range(18, 100).required();
 * schema.column("purpose").categorical().domain("car", "education", "business").maxMissingFraction(0.01);
 * schema.column("label").notInEnvironments(Environment.SERVING);
 * }</pre>
 *
 * <p>Changing the type drops constraints that do not apply to the new type (a range when becoming
 * categorical, a domain when becoming ordered). Not thread-safe, like the schema it edits.
 */
public final class ColumnEditor {
    private final Schema schema;
    private final ColumnDefinition def;

    ColumnEditor(Schema schema, ColumnDefinition def) {
        this.schema = schema;
        this.def = def;
    }

    /** @return the schema being edited */
    public Schema schema() {
        return schema;
    }

    /**
     * Moves to another column of the same schema (created if absent), to chain edits.
     *
     * @param name a column name
     * @return its editor
     */
    public ColumnEditor column(String name) {
        return schema.column(name);
    }

    /** @return the column as it is now */
    public ColumnSchema get() {
        return def.snapshot();
    }

    /**
     * @param type the expected type
     * @return this editor
     */
    public ColumnEditor type(ColumnType type) {
        Objects.requireNonNull(type, "type");
        if (type != def.type) {
            if (!type.isOrdered()) {
                def.min = null;
                def.max = null;
            }
            if (type != ColumnType.CATEGORICAL) {
                def.domain = null;
            }
            if (type.isOrdered() && def.type.isOrdered() && type.isNumeric() != def.type.isNumeric()) {
                // epoch days, epoch milliseconds and plain numbers are not comparable
                def.min = null;
                def.max = null;
            }
            def.type = type;
        }
        return this;
    }

    /** @return this editor, the column expecting integers */
    public ColumnEditor integer() {
        return type(ColumnType.INTEGER);
    }

    /** @return this editor, the column expecting floating-point numbers */
    public ColumnEditor floating() {
        return type(ColumnType.FLOATING);
    }

    /** @return this editor, the column numeric: kept as is if already integer or floating, else floating */
    public ColumnEditor numeric() {
        return def.type.isNumeric() ? this : type(ColumnType.FLOATING);
    }

    /** @return this editor, the column expecting strings */
    public ColumnEditor categorical() {
        return type(ColumnType.CATEGORICAL);
    }

    /** @return this editor, the column expecting booleans */
    public ColumnEditor bool() {
        return type(ColumnType.BOOLEAN);
    }

    /** @return this editor, the column expecting dates */
    public ColumnEditor date() {
        return type(ColumnType.DATE);
    }

    /** @return this editor, the column expecting timestamps */
    public ColumnEditor timestamp() {
        return type(ColumnType.TIMESTAMP);
    }

    private void requireOrdered(String what) {
        if (!def.type.isOrdered()) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; " + what + " applies to"
                    + " integer, floating, date and timestamp columns: call numeric(), date() or timestamp() first");
        }
    }

    private void requireNumeric(String what) {
        if (!def.type.isNumeric()) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; " + what + " with"
                    + " numbers applies to numeric columns (use range(LocalDate, LocalDate) or range(Instant, Instant)"
                    + " for dates and timestamps, or call numeric() first)");
        }
    }

    /**
     * @param min smallest allowed value
     * @param max largest allowed value
     * @return this editor
     * @throws InvalidInputException if the column is not numeric or {@code min > max}
     */
    public ColumnEditor range(double min, double max) {
        requireNumeric("range");
        return setRange(min, max);
    }

    /**
     * @param min earliest allowed date
     * @param max latest allowed date
     * @return this editor
     */
    public ColumnEditor range(LocalDate min, LocalDate max) {
        if (def.type != ColumnType.DATE) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; call date() before a"
                    + " date range");
        }
        return setRange(min.toEpochDay(), max.toEpochDay());
    }

    /**
     * @param min earliest allowed instant
     * @param max latest allowed instant
     * @return this editor
     */
    public ColumnEditor range(Instant min, Instant max) {
        if (def.type != ColumnType.TIMESTAMP) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; call timestamp() before"
                    + " a timestamp range");
        }
        return setRange(min.toEpochMilli(), max.toEpochMilli());
    }

    private ColumnEditor setRange(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new InvalidInputException("range of column '" + def.name + "' must have min <= max, was [" + min
                    + ", " + max + "]");
        }
        def.min = min;
        def.max = max;
        return this;
    }

    /**
     * @param min smallest allowed value (numeric view: epoch day for dates, epoch millisecond for timestamps)
     * @return this editor
     */
    public ColumnEditor min(double min) {
        requireOrdered("min");
        if (Double.isNaN(min) || def.max != null && min > def.max) {
            throw new InvalidInputException("min " + min + " of column '" + def.name + "' must be <= max " + def.max);
        }
        def.min = min;
        return this;
    }

    /**
     * @param max largest allowed value (numeric view)
     * @return this editor
     */
    public ColumnEditor max(double max) {
        requireOrdered("max");
        if (Double.isNaN(max) || def.min != null && max < def.min) {
            throw new InvalidInputException("max " + max + " of column '" + def.name + "' must be >= min " + def.min);
        }
        def.max = max;
        return this;
    }

    /**
     * @param min earliest allowed date of a date column
     * @return this editor
     */
    public ColumnEditor min(LocalDate min) {
        requireType(ColumnType.DATE, "date()", "a date minimum");
        return min((double) min.toEpochDay());
    }

    /**
     * @param max latest allowed date of a date column
     * @return this editor
     */
    public ColumnEditor max(LocalDate max) {
        requireType(ColumnType.DATE, "date()", "a date maximum");
        return max((double) max.toEpochDay());
    }

    /**
     * @param min earliest allowed instant of a timestamp column
     * @return this editor
     */
    public ColumnEditor min(Instant min) {
        requireType(ColumnType.TIMESTAMP, "timestamp()", "an instant minimum");
        return min((double) min.toEpochMilli());
    }

    /**
     * @param max latest allowed instant of a timestamp column
     * @return this editor
     */
    public ColumnEditor max(Instant max) {
        requireType(ColumnType.TIMESTAMP, "timestamp()", "an instant maximum");
        return max((double) max.toEpochMilli());
    }

    private void requireType(ColumnType type, String call, String what) {
        if (def.type != type) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; call " + call + " before "
                    + what);
        }
    }

    /** @return this editor, without a range */
    public ColumnEditor noRange() {
        def.min = null;
        def.max = null;
        return this;
    }

    /**
     * Sets the allowed values of a categorical column (replacing any previous domain).
     *
     * @param values the allowed values
     * @return this editor
     * @throws InvalidInputException if the column is not categorical
     */
    public ColumnEditor domain(String... values) {
        return domain(Arrays.asList(values));
    }

    /**
     * @param values the allowed values
     * @return this editor
     */
    public ColumnEditor domain(Collection<String> values) {
        if (def.type != ColumnType.CATEGORICAL) {
            throw new InvalidInputException("column '" + def.name + "' is " + def.type + "; a domain applies to"
                    + " categorical columns: call categorical() first");
        }
        for (String v : values) {
            if (v == null) {
                throw new InvalidInputException("domain values of column '" + def.name + "' must not be null");
            }
        }
        def.domain = new ArrayList<>(new LinkedHashSet<>(values));
        return this;
    }

    /**
     * Adds values to the domain (creating one if the column had none, which then allows only these).
     *
     * @param values more allowed values
     * @return this editor
     */
    public ColumnEditor addToDomain(String... values) {
        List<String> all = new ArrayList<>(def.domain == null ? List.of() : def.domain);
        all.addAll(Arrays.asList(values));
        return domain(all);
    }

    /** @return this editor, any value allowed */
    public ColumnEditor noDomain() {
        def.domain = null;
        return this;
    }

    /**
     * The column must be present in the data and every row must have a value (the missing fraction limit
     * becomes 0; relax it afterwards with {@link #maxMissingFraction(double)}).
     *
     * @return this editor
     */
    public ColumnEditor required() {
        def.required = true;
        def.maxMissingFraction = 0;
        return this;
    }

    /**
     * The column may be absent from the data, and rows may lack a value.
     *
     * @return this editor
     */
    public ColumnEditor optional() {
        def.required = false;
        def.maxMissingFraction = 1;
        return this;
    }

    /**
     * @param fraction the largest allowed fraction of rows without a value, in [0, 1]
     * @return this editor
     */
    public ColumnEditor maxMissingFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new InvalidInputException("maxMissingFraction of column '" + def.name + "' must be in [0, 1], was "
                    + fraction);
        }
        def.maxMissingFraction = fraction;
        return this;
    }

    /**
     * @param min smallest allowed number of distinct values
     * @param max largest allowed number of distinct values
     * @return this editor
     */
    public ColumnEditor distinctCount(long min, long max) {
        if (min < 0 || min > max) {
            throw new InvalidInputException("distinct count bounds of column '" + def.name + "' must satisfy"
                    + " 0 <= min <= max, were [" + min + ", " + max + "]");
        }
        def.minDistinct = min;
        def.maxDistinct = max;
        return this;
    }

    /** @return this editor, without distinct count bounds */
    public ColumnEditor noDistinctCount() {
        def.minDistinct = null;
        def.maxDistinct = null;
        return this;
    }

    /** @return this editor; NaN in this floating column is an anomaly */
    public ColumnEditor disallowNaN() {
        def.allowNaN = false;
        return this;
    }

    /** @return this editor; NaN is allowed (the default) */
    public ColumnEditor allowNaN() {
        def.allowNaN = true;
        return this;
    }

    /**
     * Limits the column to some environments (it is neither expected nor allowed elsewhere).
     *
     * @param environments where the column is expected
     * @return this editor
     */
    public ColumnEditor inEnvironments(Environment... environments) {
        def.inEnvironments = new LinkedHashSet<>(Arrays.asList(environments));
        def.notInEnvironments.removeAll(def.inEnvironments);
        return this;
    }

    /**
     * Excludes the column from some environments, e.g. the label from {@link Environment#SERVING}: present
     * there, it is an unexpected column.
     *
     * @param environments where the column must not appear
     * @return this editor
     */
    public ColumnEditor notInEnvironments(Environment... environments) {
        Set<Environment> more = new LinkedHashSet<>(Arrays.asList(environments));
        def.notInEnvironments.addAll(more);
        def.inEnvironments.removeAll(more);
        return this;
    }

    /**
     * @param severity severity of this column's anomalies (default {@link Severity#ERROR}; {@link Severity#WARNING}
     *     reports them without failing validation)
     * @return this editor
     */
    public ColumnEditor severity(Severity severity) {
        def.severity = Objects.requireNonNull(severity, "severity");
        return this;
    }

    /** Removes this column from the schema. @return the schema */
    public Schema remove() {
        return schema.removeColumn(def.name);
    }
}
