package dev.mlops4j.validation.data;

/**
 * A row that could not be read, e.g. a CSV line with the wrong number of fields.
 *
 * @param line the 1-based line number where it starts (row index for in-memory sources)
 * @param reason what was wrong
 * @param text the raw text, possibly abbreviated
 */
public record MalformedRow(long line, String reason, String text) {
}
