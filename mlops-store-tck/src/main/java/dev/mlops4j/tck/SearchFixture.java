package dev.mlops4j.tck;

import dev.mlops4j.search.Filter;
import dev.mlops4j.search.OrderBy;
import dev.mlops4j.search.SearchRequest;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunPage;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed set of runs that the search, ordering and paging tests query. Fifteen runs r01..r15 in experiment
 * "search" and two (o1, o2) in experiment "other". The table below is the fixture; the expected results of every
 * filter and ordering case were worked out by hand from it.
 *
 * <pre>
 * run status   user  parent metrics.acc  metrics.loss params.model params.lr tags.team tags.note
 * r01 FINISHED alice -      0.95         0.10         cart         0.1       risk      "baseline run"
 * r02 FINISHED alice r01    0.9          0.2          cart         0.01      risk      "Baseline tuned"
 * r03 FAILED   bob   r01    0.5          NaN          forest       0.1       growth    "100% done"
 * r04 RUNNING  bob   -      NaN          0.4          forest       -         Risk      "a_b"
 * r05 KILLED   carol -      +Inf         0.5          Cart         0.3       -         "axb"
 * r06 FINISHED Carol -      -Inf         -            cart%        -         risk      "a\b"
 * r07 FINISHED alice -      -            0.7          -            0.1       -         -
 * r08 RUNNING  alice -      0.9          0.8          svm          1e-3      growth    "a%b"
 * r09 FINISHED dave  -      0.2          0.05         tree         0.1       "risk "   "a.b"
 * r10 FAILED   bob   r08    -0.5         1.5          tree         0.01      growth    "A_B"
 * r11 FINISHED alice -      0.95         0.10         cart         0.1       risk      "baseline rerun"
 * r12 FINISHED bob   -      0.7          -            it's         0.2       risk      ""
 * r13 RUNNING  eve   -      -            -            -            -         -         -
 * r14 FINISHED alice -      0.8          -            cart         -         -         -
 * r15 KILLED   bob   -      NaN          NaN          forest       -         growth    "ünïcode"
 * o1  FINISHED alice -      0.99         -            cart         -         risk      -        (experiment "other")
 * o2  RUNNING  bob   -      0.1          -            -            -         -         -        (experiment "other")
 * </pre>
 * Also: r01 has param {@code acc = high}, param {@code learning rate = 0.1} and metric {@code val/acc = 0.9};
 * r02 has param {@code learning rate = 0.01} and metric {@code val/acc = 0.8}; r03 has tag {@code model = tagged}.
 * Latest values hide older ones: r02's acc history is 0.99 (step 1) then 0.9 (step 2); r04's is 0.3 and NaN at the
 * same step and time; r09's is 0.99 then 0.2 one millisecond later at the same step.
 *
 * <p>Run rNN starts at {@code T0 + NN minutes}, except r14 which starts with r13; ended runs end
 * {@code NN seconds} after they start. Run ids are {@code %032x} of NN, except r13 whose id is {@code %032x} of
 * 0x63, so r14 sorts before r13 by id. o1 starts at T0 + 7.5 minutes, o2 at T0 + 20 minutes. The default order
 * (start time descending, run id ascending) of the main experiment is therefore r15 r14 r13 r12 ... r01.
 */
final class SearchFixture {
    /** Epoch millis that the fixture's times are relative to. */
    static final long T0 = ContractBase.T0;
    private static final long MINUTE = 60_000;

    final ExperimentInfo main;
    final ExperimentInfo other;
    private final Map<String, String> idByName = new LinkedHashMap<>();
    private final Map<String, String> nameById = new LinkedHashMap<>();
    private final MetadataStore store;

    private SearchFixture(MetadataStore store) {
        this.store = store;
        this.main = store.getOrCreateExperiment("search", Instant.ofEpochMilli(T0));
        this.other = store.getOrCreateExperiment("other", Instant.ofEpochMilli(T0));
    }

    /**
     * Writes the fixture into an empty store.
     *
     * @param store the store
     * @return the fixture, to translate between run names and ids
     */
    static SearchFixture load(MetadataStore store) {
        SearchFixture f = new SearchFixture(store);
        f.run("r01", 1, RunStatus.FINISHED, "alice", null)
                .metrics(m("acc", 0.5, 0, 0), m("acc", 0.95, 1, 1), m("loss", 0.10, 1, 1), m("val/acc", 0.9, 1, 1))
                .params("model", "cart", "lr", "0.1", "learning rate", "0.1", "acc", "high")
                .tags("team", "risk", "note", "baseline run").create();
        f.run("r02", 2, RunStatus.FINISHED, "alice", "r01")
                .metrics(m("acc", 0.99, 1, 0), m("acc", 0.9, 2, 1), m("loss", 0.2, 2, 1), m("val/acc", 0.8, 2, 1))
                .params("model", "cart", "lr", "0.01", "learning rate", "0.01")
                .tags("team", "risk", "note", "Baseline tuned").create();
        f.run("r03", 3, RunStatus.FAILED, "bob", "r01")
                .metrics(m("acc", 0.5, 0, 0), m("loss", Double.NaN, 0, 0))
                .params("model", "forest", "lr", "0.1")
                .tags("team", "growth", "note", "100% done", "model", "tagged").create();
        f.run("r04", 4, RunStatus.RUNNING, "bob", null)
                .metrics(m("acc", 0.3, 1, 5), m("acc", Double.NaN, 1, 5), m("loss", 0.4, 1, 5))
                .params("model", "forest")
                .tags("team", "Risk", "note", "a_b").create();
        f.run("r05", 5, RunStatus.KILLED, "carol", null)
                .metrics(m("acc", Double.POSITIVE_INFINITY, 0, 0), m("loss", 0.5, 0, 0))
                .params("model", "Cart", "lr", "0.3")
                .tags("note", "axb").create();
        f.run("r06", 6, RunStatus.FINISHED, "Carol", null)
                .metrics(m("acc", Double.NEGATIVE_INFINITY, 0, 0))
                .params("model", "cart%")
                .tags("team", "risk", "note", "a\\b").create();
        f.run("r07", 7, RunStatus.FINISHED, "alice", null)
                .metrics(m("loss", 0.7, 0, 0))
                .params("lr", "0.1").create();
        f.run("r08", 8, RunStatus.RUNNING, "alice", null)
                .metrics(m("acc", 0.9, 0, 0), m("loss", 0.8, 0, 0))
                .params("model", "svm", "lr", "1e-3")
                .tags("team", "growth", "note", "a%b").create();
        f.run("r09", 9, RunStatus.FINISHED, "dave", null)
                .metrics(m("acc", 0.99, 5, 0), m("acc", 0.2, 5, 1), m("loss", 0.05, 5, 1))
                .params("model", "tree", "lr", "0.1")
                .tags("team", "risk ", "note", "a.b").create();
        f.run("r10", 10, RunStatus.FAILED, "bob", "r08")
                .metrics(m("acc", -0.5, 0, 0), m("loss", 1.5, 0, 0))
                .params("model", "tree", "lr", "0.01")
                .tags("team", "growth", "note", "A_B").create();
        f.run("r11", 11, RunStatus.FINISHED, "alice", null)
                .metrics(m("acc", 0.95, 0, 0), m("loss", 0.10, 0, 0))
                .params("model", "cart", "lr", "0.1")
                .tags("team", "risk", "note", "baseline rerun").create();
        f.run("r12", 12, RunStatus.FINISHED, "bob", null)
                .metrics(m("acc", 0.7, 0, 0))
                .params("model", "it's", "lr", "0.2")
                .tags("team", "risk", "note", "").create();
        f.run("r13", 0x63, RunStatus.RUNNING, "eve", null).startMinute(13).create();
        f.run("r14", 14, RunStatus.FINISHED, "alice", null).startMinute(13)
                .metrics(m("acc", 0.8, 0, 0))
                .params("model", "cart").create();
        f.run("r15", 15, RunStatus.KILLED, "bob", null)
                .metrics(m("acc", Double.NaN, 0, 0), m("loss", Double.NaN, 0, 0))
                .params("model", "forest")
                .tags("team", "growth", "note", "ünïcode").create();
        f.run("o1", 101, RunStatus.FINISHED, "alice", null).inOther().startMillis(T0 + 7 * MINUTE + 30_000)
                .metrics(m("acc", 0.99, 0, 0))
                .params("model", "cart")
                .tags("team", "risk").create();
        f.run("o2", 102, RunStatus.RUNNING, "bob", null).inOther().startMillis(T0 + 20 * MINUTE)
                .metrics(m("acc", 0.1, 0, 0)).create();
        return f;
    }

    /** @return the names of the main experiment's runs in the default order */
    static List<String> defaultOrder() {
        return List.of("r15", "r14", "r13", "r12", "r11", "r10", "r09", "r08", "r07", "r06", "r05", "r04", "r03", "r02",
                "r01");
    }

    String id(String name) {
        String id = idByName.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no run named " + name + " in the fixture");
        }
        return id;
    }

    String name(String runId) {
        return nameById.getOrDefault(runId, "<unknown run " + runId + ">");
    }

    List<String> names(List<RunRecord> runs) {
        return runs.stream().map(r -> name(r.runId())).toList();
    }

    /** @return a request over the main experiment (or both, if {@code bothExperiments}) returning every match */
    SearchRequest request(boolean bothExperiments, Filter filter, List<OrderBy> orderBy) {
        List<String> experiments = bothExperiments ? List.of(main.id(), other.id()) : List.of(main.id());
        return new SearchRequest(experiments, filter, orderBy, SearchRequest.MAX_RESULTS, null);
    }

    /** Runs a search that must fit one page, and returns the run names in order. */
    List<String> search(SearchRequest request) {
        RunPage page = store.searchRuns(request);
        if (page.nextPageToken() != null && page.runs().size() < request.maxResults()) {
            throw new AssertionError("a partial page of " + page.runs().size() + " runs must have no next page token");
        }
        return names(page.runs());
    }

    private static Metric m(String key, double value, long step, long offsetMillis) {
        return new Metric(key, value, step, Instant.ofEpochMilli(T0 + offsetMillis));
    }

    private Spec run(String name, int idNumber, RunStatus status, String user, String parent) {
        return new Spec(name, idNumber, status, user, parent);
    }

    /** One run of the fixture, written by {@link #create()}. */
    private final class Spec {
        private final String name;
        private final int idNumber;
        private final RunStatus status;
        private final String user;
        private final String parent;
        private long start;
        private boolean inOther;
        private final List<Metric> metrics = new ArrayList<>();
        private final Map<String, String> params = new LinkedHashMap<>();
        private final Map<String, String> tags = new LinkedHashMap<>();

        Spec(String name, int idNumber, RunStatus status, String user, String parent) {
            this.name = name;
            this.idNumber = idNumber;
            this.status = status;
            this.user = user;
            this.parent = parent;
            this.start = name.startsWith("r") ? T0 + Integer.parseInt(name.substring(1)) * MINUTE : T0;
        }

        Spec startMinute(int minute) {
            start = T0 + minute * MINUTE;
            return this;
        }

        Spec startMillis(long millis) {
            start = millis;
            return this;
        }

        Spec inOther() {
            inOther = true;
            return this;
        }

        Spec metrics(Metric... points) {
            // Metric times are relative to the run's own start so that they are plausible; only order matters.
            for (Metric p : points) {
                metrics.add(new Metric(p.key(), p.value(), p.step(), Instant.ofEpochMilli(start + p.timestamp()
                        .toEpochMilli() - T0)));
            }
            return this;
        }

        Spec params(String... keyValues) {
            for (int i = 0; i < keyValues.length; i += 2) {
                params.put(keyValues[i], keyValues[i + 1]);
            }
            return this;
        }

        Spec tags(String... keyValues) {
            for (int i = 0; i < keyValues.length; i += 2) {
                tags.put(keyValues[i], keyValues[i + 1]);
            }
            return this;
        }

        void create() {
            String runId = String.format("%032x", idNumber);
            String experimentId = inOther ? other.id() : main.id();
            String parentId = parent == null ? null : id(parent);
            RunInfo info = new RunInfo(runId, experimentId, name, RunStatus.RUNNING, Instant.ofEpochMilli(start), null,
                    user, "tck", parentId, null);
            store.createRun(info, Map.of());
            idByName.put(name, runId);
            nameById.put(runId, name);
            // Points are logged one per batch, in the order listed, so "insertion order" is the listed order.
            for (Metric p : metrics) {
                store.logBatch(runId, new LogBatch(null, List.of(p), null));
            }
            if (!params.isEmpty() || !tags.isEmpty()) {
                store.logBatch(runId, new LogBatch(params, null, tags));
            }
            if (status.isTerminal()) {
                long number = name.startsWith("r") ? Integer.parseInt(name.substring(1)) : 1;
                store.endRun(runId, status, Instant.ofEpochMilli(start + number * 1_000), Map.of());
            }
        }
    }
}
