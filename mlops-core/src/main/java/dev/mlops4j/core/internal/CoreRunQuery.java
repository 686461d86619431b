package dev.mlops4j.core.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.RunQuery;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.search.Filter;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An immutable run search: each refinement returns a new query, so a query can be shared and reused. Filters
 * are parsed when given (so syntax errors surface at the call that has them) and combined with AND.
 */
final class CoreRunQuery implements RunQuery {
    /** Page size when none is set, as in MLflow's UI. */
    static final int DEFAULT_LIMIT = 100;

    private final CoreMlops mlops;
    private final List<String> experimentIds;
    private final Filter filter;
    private final List<OrderBy> orderBy;
    private final int limit;
    private final String pageToken;

    private CoreRunQuery(CoreMlops mlops, List<String> experimentIds, Filter filter, List<OrderBy> orderBy, int limit,
                         String pageToken) {
        this.mlops = mlops;
        this.experimentIds = experimentIds;
        this.filter = filter;
        this.orderBy = orderBy;
        this.limit = limit;
        this.pageToken = pageToken;
    }

    static CoreRunQuery of(CoreMlops mlops, List<String> experimentIds) {
        return new CoreRunQuery(mlops, List.copyOf(experimentIds), null, List.of(), DEFAULT_LIMIT, null);
    }

    @Override
    public RunQuery filter(String text) {
        Objects.requireNonNull(text, "filter");
        Filter parsed = Filter.parse(text);
        Filter combined;
        if (filter == null) {
            combined = parsed;
        } else {
            List<Filter> terms = new ArrayList<>();
            if (filter instanceof Filter.And and) {
                terms.addAll(and.terms());
            } else {
                terms.add(filter);
            }
            terms.add(parsed);
            combined = new Filter.And(terms);
        }
        return new CoreRunQuery(mlops, experimentIds, combined, orderBy, limit, pageToken);
    }

    @Override
    public RunQuery orderBy(String... clauses) {
        Objects.requireNonNull(clauses, "clauses");
        List<OrderBy> parsed = new ArrayList<>(clauses.length);
        for (String clause : clauses) {
            parsed.add(OrderBy.parse(Objects.requireNonNull(clause, "order-by clause")));
        }
        return new CoreRunQuery(mlops, experimentIds, filter, List.copyOf(parsed), limit, pageToken);
    }

    @Override
    public RunQuery limit(int maxResults) {
        if (maxResults < 1 || maxResults > SearchRequest.MAX_RESULTS) {
            throw new InvalidInputException("limit must be between 1 and " + SearchRequest.MAX_RESULTS + ", was "
                    + maxResults + "; use stream() or page tokens to read more runs");
        }
        return new CoreRunQuery(mlops, experimentIds, filter, orderBy, maxResults, pageToken);
    }

    @Override
    public RunQuery pageToken(String token) {
        return new CoreRunQuery(mlops, experimentIds, filter, orderBy, limit, token);
    }

    @Override
    public RunPage page() {
        mlops.ensureOpen();
        if (experimentIds.isEmpty()) {
            // searchAll() in a store without experiments: nothing can match.
            return new RunPage(List.of(), null);
        }
        return mlops.store().searchRuns(new SearchRequest(experimentIds, filter, orderBy, limit, pageToken));
    }

    @Override
    public List<RunRecord> list() {
        // Prints as the aligned table RunPage prints: JShell and notebooks show the returned list with toString().
        return new PrintedList<>(page().runs(), runs -> new RunPage(runs, null).toString());
    }

    @Override
    public Stream<RunRecord> stream() {
        mlops.ensureOpen();
        Iterator<RunRecord> pages = new Iterator<>() {
            private Iterator<RunRecord> current = Collections.emptyIterator();
            private String token = pageToken;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (last) {
                        return false;
                    }
                    RunPage page = ((CoreRunQuery) pageToken(token)).page();
                    current = page.runs().iterator();
                    token = page.nextPageToken();
                    last = token == null;
                }
                return true;
            }

            @Override
            public RunRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public Optional<RunRecord> first() {
        return limit(1).list().stream().findFirst();
    }

    @Override
    public String toString() {
        return "RunQuery[experiments=" + experimentIds + ", filter=" + filter + ", orderBy=" + orderBy + ", limit="
                + limit + (pageToken == null ? "" : ", pageToken=" + pageToken) + "]";
    }
}
