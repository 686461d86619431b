package dev.mlops4j.validation.schema;

import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.ColumnType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a schema expects of one column; an immutable snapshot (edit through {@link Schema#column(String)}).
 *
 * @param name the column name
 * @param type the expected type; values of another type are wrong-typed
 * @param required whether the column must be present in the data (a missing column is an anomaly)
 * @param maxMissingFraction the largest allowed fraction of rows without a value, in [0, 1]
 * @param min smallest allowed value of an ordered column (epoch day for dates, epoch millisecond for
 *     timestamps), or {@code null} for no lower bound
 * @param max largest allowed value, or {@code null} for no upper bound
 * @param domain the allowed values of a categorical column, in order, or {@code null} for any value
 * @param minDistinct smallest allowed number of distinct values, or {@code null}
 * @param maxDistinct largest allowed number of distinct values, or {@code null}
 * @param allowNaN whether NaN is allowed in a floating column
 * @param inEnvironments environments the column is expected in; empty means all
 * @param notInEnvironments environments the column must not appear in
 * @param severity the severity of this column's anomalies
 */
public record ColumnSchema(String name, ColumnType type, boolean required, double maxMissingFraction, Double min,
        Double max, List<String> domain, Long minDistinct, Long maxDistinct, boolean allowNaN,
        Set<Environment> inEnvironments, Set<Environment> notInEnvironments, Severity severity) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        domain = domain == null ? null : List.copyOf(domain);
        inEnvironments = Set.copyOf(inEnvironments);
        notInEnvironments = Set.copyOf(notInEnvironments);
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * @param environment an environment, or {@code null} for "no particular environment"
     * @return whether the column is expected there
     */
    public boolean appliesIn(Environment environment) {
        if (environment == null) {
            return true;
        }
        return (inEnvironments.isEmpty() || inEnvironments.contains(environment))
                && !notInEnvironments.contains(environment);
    }
}
