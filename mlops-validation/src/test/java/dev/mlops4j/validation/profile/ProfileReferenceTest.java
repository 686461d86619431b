package dev.mlops4j.validation.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.CsvTable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profiles of the shared data sets against reference numbers computed independently with Python's standard
 * library (src/test/python/reference_stats.py, output committed as reference-stats.csv).
 */
class ProfileReferenceTest {
    private static final Map<String, Profile> PROFILES = new HashMap<>();

    static Stream<String[]> references() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ProfileReferenceTest.class.getResourceAsStream("/reference-stats.csv")), StandardCharsets.UTF_8))) {
            return r.lines().skip(1).map(l -> l.split(",")).toList().stream();
        }
    }

    private static synchronized Profile profile(String file) {
        return PROFILES.computeIfAbsent(file, f -> Profile.of(CsvTable.of(SharedData.path(f))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void profile_sharedDataSet_matchesPythonReference(String file, String column, String count, String mean,
            String pstdev, String min, String max, String zeros, String medianLow) {
        ColumnProfile c = profile(file).column(column);

        assertThat(c.count()).isEqualTo(Long.parseLong(count));
        assertThat(c.mean().getAsDouble()).isCloseTo(Double.parseDouble(mean), within(1e-9));
        assertThat(c.stddev().getAsDouble()).isCloseTo(Double.parseDouble(pstdev), within(1e-9));
        assertThat(c.min().getAsDouble()).isEqualTo(Double.parseDouble(min));
        assertThat(c.max().getAsDouble()).isEqualTo(Double.parseDouble(max));
        assertThat(c.zeros()).isEqualTo(Long.parseLong(zeros));
        assertThat(c.quantile(0.5).getAsDouble()).isEqualTo(Double.parseDouble(medianLow));
    }
}
