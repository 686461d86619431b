package dev.mlops4j.store.h2;

import dev.mlops4j.ConflictException;
import dev.mlops4j.registry.AliasAssignment;
import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.NewModelVersion;
import dev.mlops4j.spi.RegistryChange;
import dev.mlops4j.spi.RegistryStore;
import dev.mlops4j.spi.StoreConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Child JVM of {@link H2RegistryMultiProcessTest}: opens the file store in AUTO_SERVER mode, prints {@code READY},
 * waits for a line on stdin, then registers versions of {@code wine} and moves {@code production} to each (a
 * compare-and-set retried on conflict), and prints {@code DONE <version numbers it got>}.
 */
public final class RegistryChildWriter {
    private RegistryChildWriter() {
    }

    public static void main(String[] args) throws Exception {
        String runId = args[1];
        int count = Integer.parseInt(args[2]);
        try (MetadataStore store = H2MetadataStore.open(new StoreConfig(null, Path.of(args[0]),
                Map.of(H2MetadataStore.AUTO_SERVER, "true")))) {
            RegistryStore registry = store.registry().orElseThrow();
            System.out.println("READY");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            List<Integer> mine = registerAndPromote(registry, runId, count, "child");
            System.out.println("DONE " + String.join(",", mine.stream().map(String::valueOf).toList()));
        }
    }

    /** What both processes do: register a version, then make it the holder of {@code production}. */
    static List<Integer> registerAndPromote(RegistryStore registry, String runId, int count, String user) {
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int v = registry.createVersion(new NewModelVersion("wine", runId, "model", "f", "c", null, null, "",
                    Map.of("by", user)), RegistryChange.of(user, Instant.now(), "")).value().version();
            mine.add(v);
            while (true) {
                int holder = registry.findAlias("wine", "production").map(AliasAssignment::version)
                        .orElse(RegistryStore.NO_VERSION);
                try {
                    registry.moveAlias("wine", "production", holder, v, Map.of(),
                            RegistryChange.of(user, Instant.now(), "promote v" + v));
                    break;
                } catch (ConflictException e) {
                    // the other process moved it first: decide again against the new holder
                }
            }
        }
        return mine;
    }
}
