package dev.mlops4j.tracking;

import java.util.List;
import java.util.Optional;

/**
 * One page of run-search results.
 *
 * @param runs the runs on this page, in the requested order
 * @param nextPageToken opaque token for the next page, {@code null} on the last page
 */
public record RunPage(List<RunRecord> runs, String nextPageToken) {
    public RunPage {
        runs = List.copyOf(runs);
    }

    /** @return the token for the next page, empty on the last page */
    public Optional<String> next() {
        return Optional.ofNullable(nextPageToken);
    }

    @Override
    public String toString() {
        return RunTable.render(runs) + (nextPageToken == null ? "" : "(more: next page token " + nextPageToken + ")\n");
    }
}
