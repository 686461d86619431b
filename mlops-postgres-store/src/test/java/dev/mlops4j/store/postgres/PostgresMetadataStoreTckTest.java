package dev.mlops4j.store.postgres;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.StoreConfig;
import dev.mlops4j.tck.MetadataStoreTck;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the whole store conformance suite, registry included, against a real PostgreSQL server: a schema per test. */
class PostgresMetadataStoreTckTest extends MetadataStoreTck {
    @RegisterExtension
    static final PostgresDatabase DATABASE = new PostgresDatabase();

    private String url;

    @Override
    protected MetadataStore createStore() {
        url = DATABASE.newSchemaUrl();
        return PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
    }

    @Override
    protected MetadataStore reopen(MetadataStore closed) {
        return PostgresMetadataStore.open(new StoreConfig(url, null, Map.of()));
    }
}
