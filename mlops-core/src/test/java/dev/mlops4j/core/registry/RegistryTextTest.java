package dev.mlops4j.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.core.MutableClock;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.registry.ModelVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a notebook shows for the registry's lists: aligned tables, one version or audit entry a row. */
class RegistryTextTest {
    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    private final InMemoryArtifactStore artifacts = new InMemoryArtifactStore();
    private final Mlops mlops = Mlops.builder().metadataStore(store).artifactStore(artifacts).user("alice")
            .clock(new MutableClock(Instant.parse("2024-05-01T10:00:00Z"))).build();
    private final ModelRegistry registry = mlops.models();

    @AfterEach
    void close() {
        mlops.close();
        store.close();
        artifacts.close();
    }

    @Test
    void versions_toString_isATableOfTheVersions() {
        ModelVersion v1 = registry.register("wine", Fixtures.trainedRun(mlops, 0.5, 0.9));
        ModelVersion v2 = registry.newVersion("wine").fromRun(Fixtures.trainedRun(mlops, 0.7, 0.8))
                .description("second try").register();

        List<ModelVersion> versions = registry.versions("wine");

        assertThat(versions).containsExactly(v1, v2);
        assertThat(versions.toString().lines().toList()).satisfiesExactly(
                count -> assertThat(count).isEqualTo("2 versions:"),
                header -> assertThat(header).matches("version +status +flavor +model class +run +registered by"
                        + " +registered at +description"),
                rule -> assertThat(rule).matches("-+( +-+){7}"),
                first -> assertThat(first).matches("models:/wine/1 +ACTIVE +\\S+ +\\S+ +" + v1.runId()
                        + " +alice +2024-05-01T10:00:00Z"),
                second -> assertThat(second).matches("models:/wine/2 +ACTIVE +\\S+ +\\S+ +" + v2.runId()
                        + " +alice +2024-05-01T10:00:00Z +second try"));
        assertThatThrownBy(() -> versions.add(v1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void auditTrail_toString_isATableOfTheEntries() {
        registry.register("wine", Fixtures.trainedRun(mlops, 0.5, 0.9));
        registry.promote("wine", 1).to("production").because("first model");

        assertThat(registry.auditTrail("wine").toString()).isEqualTo("""
                3 audit entries:
                #  at                    user   action              model  version  alias        from  reason
                -  --------------------  -----  ------------------  -----  -------  -----------  ----  -----------
                1  2024-05-01T10:00:00Z  alice  MODEL_CREATED       wine
                2  2024-05-01T10:00:00Z  alice  VERSION_REGISTERED  wine   v1
                3  2024-05-01T10:00:00Z  alice  ALIAS_MOVED         wine   v1       @production        first model
                """);
    }
}
