package dev.mlops4j.search;

import java.util.Objects;

/**
 * One ordering key of a run search. Missing values and NaN sort last in both directions; runs that
 * tie on every key are ordered by start time (newest first) then run id, so paging is stable.
 *
 * @param field what to order by
 * @param ascending true for ASC, false for DESC
 */
public record OrderBy(Field field, boolean ascending) {
    public OrderBy {
        Objects.requireNonNull(field, "field");
    }

    /**
     * Parses {@code "metrics.accuracy DESC"}, {@code "params.model"}, {@code "start_time ASC"}.
     *
     * @param text the clause
     * @return the ordering
     * @throws dev.mlops4j.FilterSyntaxException if malformed
     */
    public static OrderBy parse(String text) {
        return FilterParser.parseOrderBy(text);
    }

    @Override
    public String toString() {
        return field + (ascending ? " ASC" : " DESC");
    }
}
