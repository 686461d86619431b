package dev.mlops4j.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run search as handed to a {@link dev.mlops4j.spi.MetadataStore}: already parsed and checked.
 *
 * @param experimentIds the experiments to search (at least one)
 * @param filter the filter, {@code null} for all runs
 * @param orderBy ordering keys, empty for the default (start time descending, then run id)
 * @param maxResults page size, 1 to {@link #MAX_RESULTS}
 * @param pageToken token from a previous page of the same search, {@code null} for the first page
 */
public record SearchRequest(List<String> experimentIds, Filter filter, List<OrderBy> orderBy, int maxResults,
                            String pageToken) {
    /** Largest page a store must serve. */
    public static final int MAX_RESULTS = 50_000;

    public SearchRequest {
        experimentIds = List.copyOf(experimentIds);
        if (experimentIds.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least one experiment id");
        }
        orderBy = List.copyOf(Objects.requireNonNull(orderBy, "orderBy"));
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw new IllegalArgumentException("maxResults must be between 1 and " + MAX_RESULTS + ", was " + maxResults);
        }
    }

    /** @return the filter, empty to match every run */
    public Optional<Filter> filterOpt() {
        return Optional.ofNullable(filter);
    }

    /**
     * A fingerprint of everything but the page token, so a token can be checked to belong to this query.
     *
     * @return a stable string identifying the query
     */
    public String queryFingerprint() {
        return Integer.toHexString(List.of(experimentIds, String.valueOf(filter), orderBy.toString()).hashCode());
    }
}
