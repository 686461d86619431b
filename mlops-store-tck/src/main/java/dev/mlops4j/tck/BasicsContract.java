package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Store identity and lifecycle. */
abstract class BasicsContract extends ContractBase {

    BasicsContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void description_isNotBlank() {
        assertThat(store().description()).isNotBlank();
    }

    @Test
    void features_isNotNull() {
        assertThat(store().features()).isNotNull();
    }

    @Test
    void newStore_isEmpty() {
        assertThat(store().listExperiments()).isEmpty();
        assertThat(store().listOwners()).isEmpty();
    }

    @Test
    void close_calledTwice_isIdempotent() {
        store().close();
        store().close();
    }
}
