package dev.mlops4j.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.Mlops;
import dev.mlops4j.StoreConfigurationException;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tracking.RunRecord;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The engine on PostgreSQL, selected by its JDBC URL alone, shared by two engines as two team members would. */
class PostgresEngineTest {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    @TempDir
    Path home;

    @Test
    void jdbcUrl_postgres_selectsThePostgresStoreAndTwoEnginesShareIt() {
        String url = DATABASE.newSchemaUrl();
        String runId;
        try (Mlops alice = Mlops.builder().jdbc(url).home(home).user("alice").build();
             Mlops bob = Mlops.builder().jdbc(url).home(home).user("bob").build()) {
            assertThat(alice.describeStore()).startsWith("PostgreSQL 127.0.0.1").contains("(schema mlops_t_")
                    .doesNotContain("password");
            runId = alice.experiment("shared").run("train", run -> run.logParam("lr", 0.1).logMetric("loss", 0.5, 1)
                    .setTag("who", "alice"));

            RunRecord seenByBob = bob.runs().get(runId);
            assertThat(seenByBob.params()).containsEntry("lr", "0.1");
            assertThat(seenByBob.latestMetrics()).containsKey("loss");
            assertThat(bob.experiments()).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("shared"));
        }
        try (Mlops again = Mlops.builder().jdbc(url).home(home).build()) {
            assertThat(again.runs().get(runId).tags()).containsEntry("who", "alice");
        }
    }

    @Test
    void open_schemaThatDoesNotExist_failsSayingSo() {
        String url = PostgresDatabase.urlOf("mlops_no_such_schema");

        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig(url, null, Map.of())))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining("mlops_no_such_schema")
                .hasMessageContaining("CREATE SCHEMA");
    }

    @Test
    void open_wrongPassword_failsNamingTheCredentials() {
        String url = PostgresDatabase.baseUrl().replaceAll("password=[^&]*", "password=wrong-" + System.nanoTime());

        assertThatThrownBy(() -> PostgresMetadataStore.open(new StoreConfig(url, null, Map.of())))
                .hasMessageContaining("refused the credentials").hasMessageContaining("user and password")
                .hasMessageNotContaining("wrong-");
    }
}
