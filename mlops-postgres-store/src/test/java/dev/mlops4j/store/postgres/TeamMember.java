package dev.mlops4j.store.postgres;

import dev.mlops4j.ConflictException;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.registry.ModelVersion;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Child JVM of {@link PostgresMultiProcessTest}: one member of a team sharing a PostgreSQL store. It opens the store
 * (racing the others to migrate a fresh schema), logs runs, registers a version of the shared model per run and
 * promotes it to the {@code champion} alias by compare-and-set, retrying on conflicts as a real promoter would.
 * It prints {@code RUN <id>}, {@code VERSION <n> <run id>} and {@code MOVED <from> <to>} for everything that was
 * acknowledged, then {@code DONE}.
 */
public final class TeamMember {
    static final String MODEL = "shared-model";
    static final String ALIAS = "champion";
    static final int BATCHES = 10;
    static final int POINTS = 5;

    private TeamMember() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String member = args[1];
        int runs = Integer.parseInt(args[2]);
        try (MetadataStore store = PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()))) {
            RegistryStore registry = store.registry().orElseThrow();
            String experiment = store.getOrCreateExperiment("team", Instant.now()).id();
            for (int r = 0; r < runs; r++) {
                String runId = UUID.randomUUID().toString().replace("-", "");
                store.createRun(new RunInfo(runId, experiment, member + "-" + r, RunStatus.RUNNING, Instant.now(), null,
                        member, "team", null, null), Map.of("member", member));
                for (int b = 0; b < BATCHES; b++) {
                    List<Metric> points = new ArrayList<>();
                    for (int p = 0; p < POINTS; p++) {
                        points.add(new Metric("loss", b * POINTS + p, b * POINTS + p, Instant.now()));
                    }
                    store.logBatch(runId, new LogBatch(Map.of("p" + b, member), points, Map.of("batch", "" + b)));
                }
                store.endRun(runId, RunStatus.FINISHED, Instant.now(), Map.of());
                System.out.println("RUN " + runId);
                ModelVersion v = registry.createVersion(new NewModelVersion(MODEL, runId, "model", "test", "Model",
                        null, null, "by " + member, Map.of()), RegistryChange.of(member, Instant.now(), "register")).value();
                System.out.println("VERSION " + v.version() + " " + runId);
                promote(registry, member, v.version());
            }
            System.out.println("DONE");
        }
    }

    /** Moves the alias to {@code version} unless a newer version holds it; retries when another member moved it first. */
    private static void promote(RegistryStore registry, String member, int version) {
        while (true) {
            Optional<AliasAssignment> holder = registry.findAlias(MODEL, ALIAS);
            int expected = holder.map(AliasAssignment::version).orElse(RegistryStore.NO_VERSION);
            if (expected >= version) {
                return; // a newer version is champion already
            }
            try {
                registry.moveAlias(MODEL, ALIAS, expected, version, Map.of(), RegistryChange.of(member, Instant.now(),
                        "promote"));
                System.out.println("MOVED " + expected + " " + version);
                return;
            } catch (ConflictException e) {
                // another member moved it between our read and our move: decide again
            }
        }
    }
}
