package dev.mlops4j.report;

import dev.mlops4j.Mlops;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.gate.GateRecorder;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.Approval;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.AuditFilter;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.registry.RecordedGate;
import dev.mlops4j.registry.RegisteredModel;
import dev.mlops4j.report.internal.ModelCardHtml;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A model version's card as an HTML page: what the version is (URI, status, aliases it holds, flavor, model class,
 * who registered it and when), where it came from (its training run, experiment, data fingerprint, schema), its
 * params and latest metrics next to those of the versions holding the model's aliases (with a chart per metric),
 * its recorded gates with their condition tables, approvals, its lineage (the data and steps upstream of it, when a
 * pipeline registered it) and its audit trail. Read from the store when built;
 * immutable after. From {@link Reports#modelCard(Mlops, String, int)} or {@link #builder(Mlops, String, int)}.
 *
 * <pre>{@code
 * Reports.modelCard(mlops, "wine", 4).writeTo(Path.of("wine-v4.html"));
 * }</pre>
 */
public final class ModelCardReport implements Report {
    private final ModelCardHtml.Card card;
    private final String title;
    private final Instant generatedAt;

    private ModelCardReport(ModelCardHtml.Card card, String title, Instant generatedAt) {
        this.card = card;
        this.title = title;
        this.generatedAt = generatedAt;
    }

    /**
     * @param mlops the instance whose registry holds the version
     * @param modelName the registered model
     * @param version the version number
     * @return a builder; the store is read by {@link Builder#build()}
     */
    public static Builder builder(Mlops mlops, String modelName, int version) {
        return new Builder(mlops, modelName, version);
    }

    /** @return the version the card describes */
    public ModelVersion version() {
        return card.version();
    }

    /** @return the aliases the version holds, e.g. {@code [production]} */
    public List<String> aliases() {
        return card.aliases().stream().filter(a -> a.version() == card.version().version())
                .map(AliasAssignment::alias).toList();
    }

    @Override
    public String title() {
        return title;
    }

    /** @return how many metric charts the page holds */
    public int chartCount() {
        return ModelCardHtml.charts(card).size();
    }

    @Override
    public String toHtml() {
        return ModelCardHtml.render(title, card, generatedAt);
    }

    /** @return a one-line summary: which version, its aliases and gates, and how to save the page */
    @Override
    public String toString() {
        return "Model card '" + title + "': " + card.version().uri() + " " + card.version().status()
                + (aliases().isEmpty() ? "" : " @" + String.join(" @", aliases())) + ", "
                + card.version().gateResults().size() + " gates, " + card.audit().size()
                + " audit entries; writeTo(Path) saves it as one HTML file";
    }

    /** Collects the settings of a model card; not thread-safe. */
    public static final class Builder {
        private final Mlops mlops;
        private final String modelName;
        private final int version;
        private String title;
        private Instant generatedAt;

        private Builder(Mlops mlops, String modelName, int version) {
            this.mlops = Objects.requireNonNull(mlops, "mlops");
            this.modelName = Objects.requireNonNull(modelName, "modelName");
            this.version = version;
        }

        /**
         * @param text the page title (default: "Model card: name v3")
         * @return this builder
         */
        public Builder title(String text) {
            this.title = Objects.requireNonNull(text, "title");
            return this;
        }

        /**
         * @param time the generation time printed in the footer (default: when {@link #build()} is called)
         * @return this builder
         */
        public Builder generatedAt(Instant time) {
            this.generatedAt = Objects.requireNonNull(time, "time");
            return this;
        }

        /** The upstream of the version as a text tree, if the store keeps lineage and a pipeline recorded it. */
        private Optional<String> lineage(ModelVersion v) {
            try {
                return Optional.of(mlops.lineage().upstreamOfModel(v.modelName(), v.version()).toText());
            } catch (NotFoundException notRecorded) {
                return Optional.empty();    // registered outside a pipeline: its source run is all there is
            } catch (dev.mlops4j.StoreConfigurationException noLineage) {
                return Optional.empty();    // a store without lineage
            }
        }

        /**
         * Reads the version, its model, aliases, approvals, audit trail, training run, gate tables and lineage, and
         * the runs of the versions holding the model's aliases.
         *
         * @return the card
         * @throws NotFoundException if the model or version does not exist
         */
        public ModelCardReport build() {
            ModelRegistry registry = mlops.models();
            ModelVersion v = registry.version(modelName, version);
            RegisteredModel model = registry.model(modelName);
            List<AliasAssignment> aliases = registry.aliases(modelName);
            List<Approval> approvals = registry.approvals(modelName, version);
            List<AuditEntry> audit = registry.audit(AuditFilter.builder().version(modelName, version).build());
            Optional<RunRecord> run = mlops.runs().find(v.runId());
            Map<String, String> gateTables = new LinkedHashMap<>();
            if (run.isPresent()) {
                List<ArtifactInfo> artifacts = mlops.runs().artifacts(v.runId());
                for (RecordedGate gate : v.gateResults().values()) {
                    String path = GateRecorder.artifactPath(gate.gate(), "txt");
                    if (artifacts.stream().anyMatch(a -> a.path().equals(path))) {
                        gateTables.put(gate.gate(), new String(mlops.runs().readArtifact(v.runId(), path),
                                StandardCharsets.UTF_8));
                    }
                }
            }
            // The holders of the model's aliases, for the metrics side by side; this version first.
            Map<String, ModelCardHtml.Holder> holders = new LinkedHashMap<>();
            for (AliasAssignment a : aliases) {
                if (a.version() != version) {
                    ModelVersion other = registry.version(modelName, a.version());
                    holders.computeIfAbsent("v" + other.version(), k -> new ModelCardHtml.Holder(other,
                            new java.util.ArrayList<>(), mlops.runs().find(other.runId()))).aliases().add(a.alias());
                }
            }
            Optional<String> lineage = lineage(v);
            String experiment = run.flatMap(r -> mlops.experiments().stream()
                    .filter(e -> e.id().equals(r.info().experimentId())).findFirst().map(e -> e.name())).orElse("");
            ModelCardHtml.Card card = new ModelCardHtml.Card(v, model, aliases, approvals, audit, run, experiment,
                    gateTables, List.copyOf(holders.values()), lineage, mlops.describeStore());
            return new ModelCardReport(card, title != null ? title : "Model card: " + modelName + " v" + version,
                    generatedAt != null ? generatedAt : Instant.now());
        }
    }
}
