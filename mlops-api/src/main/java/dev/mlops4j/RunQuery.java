package dev.mlops4j;

import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A run search, refined fluently and executed by {@link #page()}, {@link #list()}, {@link #stream()} or
 * {@link #first()}. Each refinement returns a new query; a query may be reused.
 *
 * <pre>{@code
 * mlops.runs().search("churn")
 *     .filter("metrics.accuracy > 0.9 and params.model = 'cart' and status = 'FINISHED'")
 *     .orderBy("metrics.accuracy DESC")
 *     .limit(20)
 *     .list();
 * }</pre>
 *
 * @see dev.mlops4j.search.Filter for the filter language
 */
public interface RunQuery {

    /**
     * @param filter a filter in the search language; combined with an earlier filter by AND
     * @return the refined query
     * @throws FilterSyntaxException if it does not parse
     */
    RunQuery filter(String filter);

    /**
     * @param clauses ordering clauses such as {@code "metrics.accuracy DESC"}, most significant first
     * @return the refined query
     * @throws FilterSyntaxException if a clause does not parse
     */
    RunQuery orderBy(String... clauses);

    /**
     * @param maxResults page size (default 100, at most {@link dev.mlops4j.search.SearchRequest#MAX_RESULTS})
     * @return the refined query
     */
    RunQuery limit(int maxResults);

    /**
     * @param token a {@code nextPageToken} from an earlier page of the same query
     * @return the refined query
     */
    RunQuery pageToken(String token);

    /** @return one page of results */
    RunPage page();

    /** @return the runs of the current page */
    List<RunRecord> list();

    /** @return every matching run across all pages, fetched lazily page by page */
    Stream<RunRecord> stream();

    /** @return the first matching run */
    Optional<RunRecord> first();
}
