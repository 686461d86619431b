package dev.mlops4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where {@code Mlops.open()} keeps its store: {@code -Dmlops.home}, else {@code MLOPS_HOME}, else ./mlops-data. */
class MlopsBuilderHomeTest {

    @Test
    void defaultHome_propertyAndEnvironment_propertyWins() {
        assertThat(MlopsBuilder.defaultHome("/from/property", "/from/env")).isEqualTo(Path.of("/from/property"));
    }

    @Test
    void defaultHome_environmentOnly_isUsed() {
        assertThat(MlopsBuilder.defaultHome(null, "/from/env")).isEqualTo(Path.of("/from/env"));
        assertThat(MlopsBuilder.defaultHome("  ", "/from/env")).isEqualTo(Path.of("/from/env"));
    }

    @Test
    void defaultHome_neitherSet_isMlopsDataInTheWorkingDirectory() {
        assertThat(MlopsBuilder.defaultHome(null, null)).isEqualTo(Path.of("mlops-data"));
        assertThat(MlopsBuilder.defaultHome("", " ")).isEqualTo(Path.of("mlops-data"));
    }
}
