package dev.mlops4j.store.h2;

import static dev.mlops4j.store.h2.Fixtures.metric;
import static dev.mlops4j.store.h2.Fixtures.metrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunInfo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Doubles go through the H2 store bit for bit: latest value, history, and after reopening the file. */
class H2ExactNumbersTest {
    /** A NaN with a payload other than Java's canonical one. */
    private static final double ODD_NAN = Double.longBitsToDouble(0x7ff8_0000_0000_1234L);

    @TempDir
    Path home;
    private MetadataStore store;

    @BeforeEach
    void open() {
        store = H2MetadataStore.open(home);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, -1e-300})
    void logBatch_specialDouble_isReturnedBitForBit(double value) {
        RunInfo run = Fixtures.startRun(store, Fixtures.experiment(store, "numbers"), "r");

        store.logBatch(run.runId(), metrics(metric("m", value, 0)));

        assertSameBits(store.findRun(run.runId()).orElseThrow().latestMetrics().get("m").value(), value);
        assertSameBits(store.metricHistory(run.runId(), "m", null, 10).points().get(0).value(), value);
        store.close();
        store = H2MetadataStore.open(home);
        assertSameBits(store.findRun(run.runId()).orElseThrow().latestMetrics().get("m").value(), value);
        assertSameBits(store.metricHistory(run.runId(), "m", null, 10).points().get(0).value(), value);
    }

    @Test
    void logBatch_nanWithPayload_keepsThePayload() {
        RunInfo run = Fixtures.startRun(store, Fixtures.experiment(store, "numbers"), "r");

        store.logBatch(run.runId(), metrics(metric("m", ODD_NAN, 0)));

        assertSameBits(store.findRun(run.runId()).orElseThrow().latestMetrics().get("m").value(), ODD_NAN);
        assertSameBits(store.metricHistory(run.runId(), "m", null, 10).points().get(0).value(), ODD_NAN);
    }

    @Test
    void logBatch_nanAtSameStepAndTime_isTheLatestAndHistoryKeepsAll() {
        RunInfo run = Fixtures.startRun(store, Fixtures.experiment(store, "numbers"), "r");
        store.logBatch(run.runId(), metrics(metric("m", 5.0, 3), metric("m", Double.POSITIVE_INFINITY, 3)));

        store.logBatch(run.runId(), metrics(metric("m", Double.NaN, 3), metric("m", 1.0, 2)));

        assertThat(store.findRun(run.runId()).orElseThrow().latestMetrics().get("m").value()).isNaN();
        List<Double> history = store.metricHistory(run.runId(), "m", null, 10).points().stream()
                .map(Metric::value).toList();
        assertThat(history).containsExactly(1.0, 5.0, Double.POSITIVE_INFINITY, Double.NaN);
    }

    private static void assertSameBits(double actual, double expected) {
        assertThat(Double.doubleToRawLongBits(actual))
                .as("bits of %s (expected %s)", actual, expected)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }
}
