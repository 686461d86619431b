package dev.mlops4j.validation.data;

import dev.mlops4j.InvalidInputException;
import java.util.Objects;

/**
 * A named, typed column of a {@link Table}.
 *
 * @param name the column name, not blank; unique within a table
 * @param type its logical type
 */
public record Column(String name, ColumnType type) {
    public Column {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("column name must not be null or blank");
        }
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param newType another type
     * @return a column with this name and the given type
     */
    public Column withType(ColumnType newType) {
        return new Column(name, newType);
    }
}
