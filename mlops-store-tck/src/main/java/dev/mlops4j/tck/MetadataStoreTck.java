package dev.mlops4j.tck;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreFeature;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/**
 * The conformance suite of {@link MetadataStore}: every store, in-memory, H2 or a third party's, must pass it.
 *
 * <p>To run it, extend this class in your test sources and open a fresh, empty store per test:
 * <pre>{@code
 * class MyStoreTckTest extends MetadataStoreTck {
 *     @TempDir Path dir;                                   // new for every test, deleted after it
 *     @Override protected MetadataStore createStore() { return MyStore.open(dir); }
 *     @Override protected MetadataStore reopen(MetadataStore closed) { return MyStore.open(dir); }
 * }
 * }</pre>
 * The suite calls {@link #createStore()} before each test and closes the store after it (so clean-up that needs
 * the store closed belongs in a {@code @TempDir} or an extension, not in a subclass {@code @AfterEach}, which runs
 * first). {@link #reopen(MetadataStore)} is needed only by stores that declare {@link StoreFeature#DURABLE}.
 *
 * <p>The tests are grouped in {@code @Nested} classes: {@link Basics}, {@link Experiments}, {@link Runs},
 * {@link ParamsMetricsTags}, {@link MetricHistory}, {@link Search}, {@link Ordering}, {@link Paging},
 * {@link Artifacts}, {@link Owners}, {@link Concurrency}, {@link NullHostility}, {@link Durability},
 * {@link Registry} and {@link Lineage}. Tests of an optional feature the store does not declare in {@link #features()} are skipped with a
 * message naming the feature; the {@link Registry} group is skipped, saying so, for stores whose
 * {@link MetadataStore#registry()} is empty. The whole suite takes a few seconds against the in-memory store.
 *
 * <h2>What the suite holds a store to</h2>
 * The {@link MetadataStore} Javadoc and the shared semantics of the project; the points most often gotten wrong:
 * <ul>
 *   <li><b>Atomicity:</b> a call that throws has changed nothing; a batch with one conflicting param writes none
 *       of its params, metrics or tags.</li>
 *   <li><b>Exact numbers:</b> NaN, +Infinity and -Infinity are stored and returned as themselves. The latest point
 *       of a metric is the greatest by {@link dev.mlops4j.tracking.Metric#LATEST_ORDER}, so a NaN at the same step
 *       and timestamp beats every number. The full history is kept, duplicates included, ordered by step,
 *       timestamp and insertion.</li>
 *   <li><b>Filters:</b> a comparison, {@code IN}, {@code NOT IN} or {@code LIKE} on a metric, param or tag the run
 *       lacks is false, {@code !=} included; {@code NOT} is plain negation; NaN fails {@code = < <= > >=} and
 *       satisfies {@code !=}; string equality and {@code LIKE} are case-sensitive, {@code ILIKE} compares
 *       {@code toLowerCase(Locale.ROOT)} forms; {@code \%}, {@code \_} and {@code \\} escape in patterns;
 *       {@code end_time} and {@code parent_run_id} comparisons are false when the attribute is null.</li>
 *   <li><b>Ordering:</b> per key, NaN and missing values form one group that sorts last in both directions,
 *       ordered within by the remaining keys; then start time descending, then run id ascending. Strings compare
 *       by {@link String#compareTo} (a binary collation).</li>
 *   <li><b>Paging:</b> tokens from {@link dev.mlops4j.spi.PageTokens}; walking pages yields every result exactly
 *       once; a partial page has a {@code null} token; a malformed or foreign token is an
 *       {@link dev.mlops4j.InvalidInputException}.</li>
 * </ul>
 *
 * <h2>Null hostility</h2>
 * Every argument of every {@link MetadataStore} method is required, except the {@code pageToken} of
 * {@link MetadataStore#metricHistory} and the components {@link dev.mlops4j.search.SearchRequest} itself allows
 * to be null. A {@code null} argument (or a {@code null} key or value inside a tag map) must fail with a
 * {@link NullPointerException} or an {@link dev.mlops4j.InvalidInputException} before anything is written:
 * {@code findRun(null)} returning empty, or {@code endRun(id, FINISHED, now, null)} ending the run, does not
 * conform. The engine never passes nulls, so a store may simply check each argument with
 * {@link Objects#requireNonNull} on entry; the point is that a caller bypassing the engine gets a loud failure,
 * never a silent or partial write.
 */
public abstract class MetadataStoreTck {
    private MetadataStore store;

    /** Lets subclasses exist; the suite has no state of its own before {@link #createStore()}. */
    protected MetadataStoreTck() {
    }

    /**
     * Opens a new, empty store for one test. The suite closes it after the test.
     *
     * @return an open store without experiments, runs or owners
     */
    protected abstract MetadataStore createStore();

    /**
     * The optional features to test. Defaults to what the store declares; override to test fewer (never more than
     * the store really has).
     *
     * @return the features whose tests should run
     */
    protected Set<StoreFeature> features() {
        return store().features();
    }

    /**
     * Opens the store again on the same location as a store the suite has just closed, to check that writes
     * survive. Required when {@link #features()} contains {@link StoreFeature#DURABLE}.
     *
     * @param closed the store returned by {@link #createStore()} (or by an earlier reopen), already closed
     * @return a new open store over the same data
     */
    protected MetadataStore reopen(MetadataStore closed) {
        throw new IllegalStateException(getClass().getName() + " declares StoreFeature.DURABLE but does not override"
                + " reopen(MetadataStore); override it to open a new store on the location of the closed one");
    }

    /** @return the store of the current test */
    protected final MetadataStore store() {
        if (store == null) {
            throw new IllegalStateException("no store is open; store() is available inside tests only");
        }
        return store;
    }

    @BeforeEach
    final void openStoreForTest() {
        store = Objects.requireNonNull(createStore(), "createStore() returned null; return a new, open store");
    }

    @AfterEach
    final void closeStoreAfterTest() {
        if (store != null) {
            MetadataStore s = store;
            store = null;
            s.close();
        }
    }

    /** Closes the current store and replaces it by {@link #reopen(MetadataStore)}. */
    final MetadataStore reopenStore() {
        MetadataStore closed = store();
        closed.close();
        store = null;
        store = Objects.requireNonNull(reopen(closed), "reopen(MetadataStore) returned null; return the reopened store");
        return store;
    }

    /** Skips the calling test, naming the feature, unless the store has it. */
    final void requireFeature(StoreFeature feature) {
        Assumptions.assumeTrue(features().contains(feature),
                () -> "skipped: the store does not declare StoreFeature." + feature + " (" + store().description() + ")");
    }

    /** Store identity and lifecycle: description, declared features, idempotent close. */
    @Nested
    public class Basics extends BasicsContract {
        Basics() {
            super(MetadataStoreTck.this);
        }
    }

    /** Experiments: creation by name under races, ids, lookup, listing order, tags and description. */
    @Nested
    public class Experiments extends ExperimentsContract {
        Experiments() {
            super(MetadataStoreTck.this);
        }
    }

    /** Runs: create, find, nested runs, end (once only), and typed failures for unknown and ended runs. */
    @Nested
    public class Runs extends RunsContract {
        Runs() {
            super(MetadataStoreTck.this);
        }
    }

    /** Params (immutable), metrics (latest per {@code Metric.LATEST_ORDER}, exact NaN/Inf), tags, batch atomicity. */
    @Nested
    public class ParamsMetricsTags extends ParamsMetricsTagsContract {
        ParamsMetricsTags() {
            super(MetadataStoreTck.this);
        }
    }

    /** Metric histories: order by step, timestamp and insertion; paging; invalid tokens. */
    @Nested
    public class MetricHistory extends MetricHistoryContract {
        MetricHistory() {
            super(MetadataStoreTck.this);
        }
    }

    /** Run search: a table of filter trees over a fixed fixture of runs, with the expected runs for each. */
    @Nested
    public class Search extends SearchContract {
        Search() {
            super(MetadataStoreTck.this);
        }
    }

    /** Ordering of search results: every kind of key, both directions, NaN and missing last, tie-breaks. */
    @Nested
    public class Ordering extends OrderingContract {
        Ordering() {
            super(MetadataStoreTck.this);
        }
    }

    /** Paging of search results: complete, duplicate-free, stable walks; invalid and foreign tokens. */
    @Nested
    public class Paging extends PagingContract {
        Paging() {
            super(MetadataStoreTck.this);
        }
    }

    /** Artifact names of runs: record, replace, list in path order; ended and unknown runs. */
    @Nested
    public class Artifacts extends ArtifactsContract {
        Artifacts() {
            super(MetadataStoreTck.this);
        }
    }

    /** Owners of running runs: registration, heartbeats, and killing the runs of a dead owner. */
    @Nested
    public class Owners extends OwnersContract {
        Owners() {
            super(MetadataStoreTck.this);
        }
    }

    /** Thread safety: racing experiment creation, concurrent batches, conflicting params, racing ends. */
    @Nested
    public class Concurrency extends ConcurrencyContract {
        Concurrency() {
            super(MetadataStoreTck.this);
        }
    }

    /** Every method given a null argument fails loudly and writes nothing (see the class Javadoc). */
    @Nested
    public class NullHostility extends NullHostilityContract {
        NullHostility() {
            super(MetadataStoreTck.this);
        }
    }

    /**
     * The model registry's storage ({@link dev.mlops4j.spi.RegistryStore}), for stores that provide one: dense unique
     * version numbers under concurrent registration, compare-and-set alias moves that serialise concurrent promotions,
     * status rules, approvals, and an audit trail appended atomically with every change (and nothing on failure).
     */
    @Nested
    public class Registry extends RegistryContract {
        Registry() {
            super(MetadataStoreTck.this);
        }
    }

    /**
     * Lineage storage ({@link dev.mlops4j.spi.LineageStore}), for stores that keep it: unique contexts under
     * concurrency, one atomic write per execution with its artifacts, events and contexts, query orders and retention.
     */
    @Nested
    public class Lineage extends LineageContract {
        Lineage() {
            super(MetadataStoreTck.this);
        }
    }

    /** For {@link StoreFeature#DURABLE} stores: everything written is there after close and {@link #reopen}. */
    @Nested
    public class Durability extends DurabilityContract {
        Durability() {
            super(MetadataStoreTck.this);
        }
    }
}
