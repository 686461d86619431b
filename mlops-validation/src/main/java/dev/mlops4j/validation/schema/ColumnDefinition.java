package dev.mlops4j.validation.schema;

import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.data.ColumnType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mutable state of one schema column, edited by {@link ColumnEditor}. */
final class ColumnDefinition {
    final String name;
    ColumnType type = ColumnType.CATEGORICAL;
    boolean required;
    double maxMissingFraction = 1;
    Double min;
    Double max;
    List<String> domain;
    Long minDistinct;
    Long maxDistinct;
    boolean allowNaN = true;
    Set<Environment> inEnvironments = new LinkedHashSet<>();
    Set<Environment> notInEnvironments = new LinkedHashSet<>();
    Severity severity = Severity.ERROR;

    ColumnDefinition(String name) {
        this.name = name;
    }

    ColumnDefinition(ColumnSchema s) {
        this.name = s.name();
        this.type = s.type();
        this.required = s.required();
        this.maxMissingFraction = s.maxMissingFraction();
        this.min = s.min();
        this.max = s.max();
        this.domain = s.domain();
        this.minDistinct = s.minDistinct();
        this.maxDistinct = s.maxDistinct();
        this.allowNaN = s.allowNaN();
        this.inEnvironments = new LinkedHashSet<>(s.inEnvironments());
        this.notInEnvironments = new LinkedHashSet<>(s.notInEnvironments());
        this.severity = s.severity();
    }

    ColumnSchema snapshot() {
        return new ColumnSchema(name, type, required, maxMissingFraction, min, max, domain, minDistinct, maxDistinct,
                allowNaN, inEnvironments, notInEnvironments, severity);
    }
}
