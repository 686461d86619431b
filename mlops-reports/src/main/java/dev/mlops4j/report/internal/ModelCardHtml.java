package dev.mlops4j.report.internal;

import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.report.internal.chart.BarChart;
import dev.mlops4j.report.internal.chart.Palette;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.SystemTags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Renders a model version card: the version and its provenance, metrics beside the alias holders', params, gates,
 * approvals, lineage and audit trail. The version is always colour 0 of the palette, the alias holders the next ones.
 */
public final class ModelCardHtml {
    /** Most metric charts on one card; the table lists every metric. */
    static final int MAX_CHARTS = 24;

    private ModelCardHtml() {
    }

    /**
     * Another version of the model, holding one or more of its aliases.
     *
     * @param version the version
     * @param aliases the aliases it holds
     * @param run its training run, if still in the store
     */
    public record Holder(ModelVersion version, List<String> aliases, Optional<RunRecord> run) {
        public Holder {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(run, "run");
        }

        String label() {
            return "v" + version.version() + " @" + String.join(" @", aliases);
        }
    }

    /**
     * What a card shows, read from the store at one time.
     *
     * @param version the version
     * @param model its registered model
     * @param aliases every alias of the model
     * @param approvals the version's approvals
     * @param audit the version's audit entries, oldest first
     * @param run its training run, if still in the store
     * @param experiment the run's experiment name, may be empty
     * @param gateTables recorded gate tables by gate name (the artifacts {@code gates/<name>.txt})
     * @param holders other versions holding aliases
     * @param lineage the version's upstream as a text tree, if lineage recorded it
     * @param source the store, for the subtitle
     */
    public record Card(ModelVersion version, RegisteredModel model, List<AliasAssignment> aliases,
                       List<Approval> approvals, List<AuditEntry> audit, Optional<RunRecord> run, String experiment,
                       Map<String, String> gateTables, List<Holder> holders, Optional<String> lineage,
                       String source) {
        public Card {
            Objects.requireNonNull(lineage, "lineage");
            aliases = List.copyOf(aliases);
            approvals = List.copyOf(approvals);
            audit = List.copyOf(audit);
            gateTables = Map.copyOf(gateTables);
            holders = List.copyOf(holders);
        }

        List<String> heldAliases() {
            return aliases.stream().filter(a -> a.version() == version.version()).map(AliasAssignment::alias).toList();
        }
    }

    /**
     * @param title page title
     * @param card what to show
     * @param generatedAt footer time
     * @return the HTML document
     */
    public static String render(String title, Card card, Instant generatedAt) {
        ModelVersion v = card.version();
        HtmlPage page = new HtmlPage(title, v.uri() + " \u00b7 " + v.status()
                + (card.heldAliases().isEmpty() ? "" : " \u00b7 @" + String.join(" @", card.heldAliases()))
                + (card.source().isEmpty() ? "" : " \u00b7 " + card.source()));
        Markup m = page.body();
        overview(m, card);
        metrics(m, card);
        params(m, card);
        gates(m, card);
        approvals(m, card);
        lineage(m, card);
        audit(m, card);
        return page.finish(generatedAt);
    }

    /**
     * @param card a card
     * @return a bar chart per summary metric of the version (not per-class or per-slice breakdowns, whose keys hold a
     *     {@code /}, nor gate bookkeeping): its latest value beside the alias holders'
     */
    public static List<BarChart> charts(Card card) {
        List<BarChart> out = new ArrayList<>();
        Map<String, Metric> own = card.run().map(RunRecord::latestMetrics).orElse(Map.of());
        for (String key : new TreeSet<>(own.keySet())) {
            if (out.size() == MAX_CHARTS) {
                break;
            }
            // Breakdowns (per class, per slice: keys with '/') and gate bookkeeping stay in the table only.
            if (key.indexOf('/') >= 0 || key.startsWith(dev.mlops4j.gate.GateRecorder.PREFIX)) {
                continue;
            }
            BarChart.Builder b = BarChart.builder(key, List.of("latest value")).yLabel(key).legend(true);
            b.series("v" + card.version().version() + " (this version)", Palette.color(0),
                    List.of(own.get(key).value()));
            for (int i = 0; i < card.holders().size(); i++) {
                Holder h = card.holders().get(i);
                Metric other = h.run().map(r -> r.latestMetrics().get(key)).orElse(null);
                if (other != null) {
                    b.series(h.label(), Palette.color(i + 1), List.of(other.value()));
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static void overview(Markup m, Card card) {
        ModelVersion v = card.version();
        m.start("section", "id", "version");
        m.element("h2", "Version");
        if (!card.model().description().isEmpty()) {
            m.element("p", card.model().description(), "class", "note");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"model URI", v.uri().toString()});
        rows.add(new String[] {"status", v.status().name()});
        rows.add(new String[] {"aliases held", card.heldAliases().isEmpty() ? "none"
                : card.heldAliases().stream().map(a -> "@" + a).collect(Collectors.joining(" "))});
        rows.add(new String[] {"description", v.description()});
        rows.add(new String[] {"flavor", v.flavor()});
        rows.add(new String[] {"model class", v.modelClass()});
        rows.add(new String[] {"registered", v.createdBy() + ", " + Formats.time(v.createdAt())});
        rows.add(new String[] {"last changed", Formats.time(v.updatedAt())});
        rows.add(new String[] {"source", v.source().toString()});
        rows.add(new String[] {"training run", card.run().map(r -> (r.info().runName().isEmpty() ? "(unnamed)"
                : r.info().runName()) + " (" + r.info().status() + ", " + r.info().user() + ", "
                + Formats.time(r.info().startTime()) + ")").orElse("not in this store")});
        rows.add(new String[] {"experiment", card.experiment()});
        rows.add(new String[] {"data fingerprint", v.dataFingerprintOpt().orElse("not recorded")});
        rows.add(new String[] {"input schema", v.schemaRefOpt().orElse("not recorded")});
        for (Map.Entry<String, String> t : new TreeMap<>(v.tags()).entrySet()) {
            if (!t.getKey().startsWith(dev.mlops4j.gate.GateRecorder.PREFIX) && !SystemTags.isReserved(t.getKey())) {
                rows.add(new String[] {"tag " + t.getKey(), t.getValue()});
            }
        }
        m.start("table");
        m.start("tbody");
        for (String[] r : rows) {
            m.start("tr");
            m.element("th", r[0], "scope", "row");
            m.element("td", r[1], "class", "text");
            m.end();
        }
        m.end().end();
        m.end();
    }

    private static void metrics(Markup m, Card card) {
        m.start("section", "id", "metrics");
        m.element("h2", "Metrics");
        Map<String, Metric> own = card.run().map(RunRecord::latestMetrics).orElse(Map.of());
        if (own.isEmpty()) {
            m.element("p", "The training run has no metrics" + (card.run().isEmpty() ? " in this store." : "."),
                    "class", "note");
            m.end();
            return;
        }
        m.element("p", "Latest value of each metric of the training run" + (card.holders().isEmpty()
                ? "; no other version holds an alias of " + card.version().modelName() + "."
                : ", beside the versions now holding the model's aliases (change against this version under each)."),
                "class", "note");
        m.start("div", "class", "scroll").start("table");
        m.start("thead").start("tr");
        m.element("th", "metric", "scope", "col");
        m.start("th", "scope", "col");
        swatch(m, 0);
        m.text("v" + card.version().version() + " (this version)");
        m.end();
        for (int i = 0; i < card.holders().size(); i++) {
            m.start("th", "scope", "col");
            swatch(m, i + 1);
            m.text(card.holders().get(i).label());
            m.end();
        }
        m.end().end();
        m.start("tbody");
        for (String key : new TreeSet<>(own.keySet())) {
            double mine = own.get(key).value();
            m.start("tr");
            m.element("th", key, "scope", "row");
            m.element("td", Formats.number(mine), "class", "num");
            for (Holder h : card.holders()) {
                Metric other = h.run().map(r -> r.latestMetrics().get(key)).orElse(null);
                if (other == null) {
                    m.element("td", "\u2014", "class", "num absent");
                    continue;
                }
                m.start("td", "class", "num");
                m.text(Formats.number(other.value()));
                if (Double.isFinite(mine) && Double.isFinite(other.value()) && mine != other.value()) {
                    m.element("span", Formats.signed(other.value() - mine), "class", "delta");
                }
                m.end();
            }
            m.end();
        }
        m.end().end().end();
        List<BarChart> charts = charts(card);
        m.start("div", "class", "charts");
        for (int i = 0; i < charts.size(); i++) {
            m.start("figure", "id", "metric-" + (i + 1));
            charts.get(i).renderTo(m);
            m.element("figcaption", charts.get(i).title() + ": this version"
                    + (card.holders().isEmpty() ? "" : " and the alias holders"));
            m.end();
        }
        m.end();
        if (own.size() > charts.size()) {
            m.element("p", "Charts for " + charts.size() + " of " + own.size() + " metrics: per-class and per-slice"
                    + " breakdowns and gate bookkeeping are in the table only" + (charts.size() == MAX_CHARTS
                    ? ", and at most " + MAX_CHARTS + " charts are drawn." : "."), "class", "note");
        }
        m.end();
    }

    private static void params(Markup m, Card card) {
        Map<String, String> params = card.run().map(RunRecord::params).orElse(Map.of());
        m.start("section", "id", "params");
        m.element("h2", "Params");
        if (params.isEmpty()) {
            m.element("p", "The training run has no params" + (card.run().isEmpty() ? " in this store." : "."),
                    "class", "note");
            m.end();
            return;
        }
        m.start("div", "class", "scroll").start("table");
        m.start("tbody");
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            m.start("tr");
            m.element("th", p.getKey(), "scope", "row");
            m.element("td", p.getValue(), "class", "text");
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void gates(Markup m, Card card) {
        m.start("section", "id", "gates");
        m.element("h2", "Gates");
        Map<String, RecordedGate> gates = card.version().gateResults();
        if (gates.isEmpty()) {
            m.element("p", "No gate outcome is recorded on this version.", "class", "note");
            m.end();
            return;
        }
        m.start("table");
        m.start("thead").start("tr");
        for (String h : List.of("gate", "outcome", "summary")) {
            m.element("th", h, "scope", "col");
        }
        m.end().end();
        m.start("tbody");
        for (RecordedGate g : gates.values()) {
            String verdict = g.status().name();
            m.start("tr", "class", "gate-" + verdict);
            m.element("th", g.gate(), "scope", "row");
            m.start("td").element("span", verdict, "class", "verdict verdict-" + verdict).end();
            m.element("td", g.summary(), "class", "text");
            m.end();
        }
        m.end().end();
        for (Map.Entry<String, String> t : new TreeMap<>(card.gateTables()).entrySet()) {
            m.element("h3", "Gate " + t.getKey() + ", as evaluated on the training run");
            m.element("pre", t.getValue());
        }
        m.end();
    }

    private static void approvals(Markup m, Card card) {
        if (card.approvals().isEmpty()) {
            return;
        }
        m.start("section", "id", "approvals");
        m.element("h2", "Approvals");
        m.start("table");
        m.start("thead").start("tr");
        for (String h : List.of("alias", "approver", "when", "reason")) {
            m.element("th", h, "scope", "col");
        }
        m.end().end();
        m.start("tbody");
        for (Approval a : card.approvals()) {
            m.start("tr");
            m.element("th", "@" + a.alias(), "scope", "row");
            m.element("td", a.approver(), "class", "text");
            m.element("td", Formats.time(a.approvedAt()), "class", "nowrap");
            m.element("td", a.reason(), "class", "text");
            m.end();
        }
        m.end().end();
        m.end();
    }

    private static void lineage(Markup m, Card card) {
        m.start("section", "id", "lineage");
        m.element("h2", "Lineage");
        if (card.lineage().isEmpty()) {
            m.element("p", "No lineage is recorded for this version (it was registered outside a pipeline); it comes from "
                    + card.version().source() + ".", "class", "note");
        } else {
            m.element("p", "The artifacts and steps upstream of this version, as the pipeline that registered it"
                    + " recorded them (ML-Metadata style): each step with its state, inputs and outputs.", "class",
                    "note");
            m.element("pre", card.lineage().get());
        }
        m.end();
    }

    private static void audit(Markup m, Card card) {
        m.start("section", "id", "audit");
        m.element("h2", "Audit trail");
        m.element("p", "Every change to this version, oldest first, as the store recorded it in the same transaction"
                + " as the change.", "class", "note");
        m.start("div", "class", "scroll").start("table");
        m.start("thead").start("tr");
        for (String h : List.of("#", "when", "user", "action", "alias", "reason", "details")) {
            m.element("th", h, "scope", "col");
        }
        m.end().end();
        m.start("tbody");
        for (AuditEntry e : card.audit()) {
            m.start("tr", "class", "audit-" + e.action().name());
            m.element("td", Long.toString(e.sequence()), "class", "num");
            m.element("td", Formats.time(e.at()), "class", "nowrap");
            m.element("td", e.user(), "class", "text");
            m.element("td", e.action().name(), "class", "nowrap");
            m.element("td", e.aliasOpt().map(a -> "@" + a + (e.previousVersion() == null ? ""
                    : " (from v" + e.previousVersion() + ")")).orElse(""), "class", "nowrap");
            m.element("td", e.reason(), "class", "text");
            m.element("td", new TreeMap<>(e.details()).entrySet().stream().map(d -> d.getKey() + "=" + d.getValue())
                    .collect(Collectors.joining(", ")), "class", "text");
            m.end();
        }
        m.end().end().end();
        m.end();
    }

    private static void swatch(Markup m, int index) {
        m.start("span", "class", "swatch", "style", "background: " + Palette.color(index)).end();
    }
}
