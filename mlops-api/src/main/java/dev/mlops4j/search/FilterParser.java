package dev.mlops4j.search;

/** Recursive-descent parser of the search language (placeholder until the parser lands). */
final class FilterParser {
    private FilterParser() {
    }

    static Filter parseFilter(String text) {
        throw new UnsupportedOperationException("parser not written yet");
    }

    static OrderBy parseOrderBy(String text) {
        throw new UnsupportedOperationException("parser not written yet");
    }
}
