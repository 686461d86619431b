package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.ConflictException;
import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.LogBatch;
import dev.mlops4j.tracking.Metric;
import dev.mlops4j.tracking.RunRecord;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RunLoggingTest {
    private final Mlops mlops = Mlops.inMemory();
    private final Run run = mlops.experiment("e").startRun("r");

    @AfterEach
    void close() {
        mlops.close();
    }

    private RunRecord stored() {
        return mlops.runs().get(run.id());
    }

    @Test
    void logParam_typedOverloads_storeCanonicalStrings() {
        run.logParam("s", "cart").logParam("l", 42L).logParam("d", 0.1).logParam("b", true);

        assertThat(stored().params()).containsExactlyInAnyOrderEntriesOf(
                Map.of("s", "cart", "l", "42", "d", "0.1", "b", "true"));
    }

    @Test
    void logParam_sameKeySameValue_isNoOp() {
        run.logParam("model", "cart");
        run.logParam("model", "cart");

        assertThat(stored().params()).containsExactly(Map.entry("model", "cart"));
    }

    @Test
    void logParam_sameKeyDifferentValue_throwsConflictNamingKeyAndValues() {
        run.logParam("model", "cart");

        assertThatThrownBy(() -> run.logParam("model", "forest")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("model").hasMessageContaining("cart").hasMessageContaining("forest");
        assertThat(stored().params()).containsExactly(Map.entry("model", "cart"));
    }

    @Test
    void log_batchWithConflictingParam_leavesStoreUnchanged() {
        run.logParam("model", "cart");
        RunRecord before = stored();
        LogBatch batch = LogBatch.builder().param("model", "forest").param("depth", "3").metric("loss", 0.5, 1)
                .tag("phase", "x").build();

        assertThatThrownBy(() -> run.log(batch)).isInstanceOf(ConflictException.class);

        assertThat(stored()).isEqualTo(before);
        assertThat(mlops.runs().metricHistory(run.id(), "loss").count()).isZero();
    }

    @Test
    void log_batch_writesEverythingAtOnce() {
        Instant when = Instant.parse("2024-05-06T07:08:09.010Z");
        run.log(LogBatch.builder().param("lr", "0.01").metric("loss", 0.42, 3, when).metric("loss", 0.40, 4, when)
                .tag("phase", "warmup").build());

        RunRecord r = stored();
        assertThat(r.params()).containsEntry("lr", "0.01");
        assertThat(r.tags()).containsEntry("phase", "warmup");
        assertThat(r.latestMetrics().get("loss")).isEqualTo(new Metric("loss", 0.40, 4, when));
    }

    @Test
    void logParams_map_convertsValuesWithStringValueOf() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("depth", 3);
        params.put("lr", 0.5);
        params.put("name", "tree");
        run.logParams(params);

        assertThat(stored().params()).containsExactlyInAnyOrderEntriesOf(Map.of("depth", "3", "lr", "0.5", "name", "tree"));
    }

    @Test
    void logParams_overBatchLimit_throwsInvalidInputAndWritesNothing() {
        Map<String, Object> params = new LinkedHashMap<>();
        IntStream.range(0, Limits.MAX_PARAMS_TAGS_PER_BATCH + 1).forEach(i -> params.put("p" + i, i));

        assertThatThrownBy(() -> run.logParams(params)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Split");
        assertThat(stored().params()).isEmpty();
    }

    @Test
    void logParams_nullValue_throwsInvalidInputAndWritesNothing() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("a", "1");
        params.put("b", null);

        assertThatThrownBy(() -> run.logParams(params)).isInstanceOf(InvalidInputException.class);
        assertThat(stored().params()).isEmpty();
    }

    @Test
    void logMetrics_map_logsAllAtOneStep() {
        run.logMetrics(Map.of("a", 1, "b", 2.5f, "c", 3L), 7);

        RunRecord r = stored();
        assertThat(r.latestMetrics()).hasSize(3);
        assertThat(r.latestMetrics().values()).allSatisfy(m -> assertThat(m.step()).isEqualTo(7));
        assertThat(r.metric("b")).hasValue(2.5);
    }

    @Test
    void logMetrics_overBatchLimit_throwsInvalidInput() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        IntStream.range(0, Limits.MAX_METRICS_PER_BATCH + 1).forEach(i -> metrics.put("m" + i, (double) i));

        assertThatThrownBy(() -> run.logMetrics(metrics, 0)).isInstanceOf(InvalidInputException.class);
        assertThat(stored().latestMetrics()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE})
    void logMetric_specialValues_areStoredExactly(double value) {
        run.logMetric("m", value, 1);

        assertThat(Double.doubleToRawLongBits(stored().metric("m").orElseThrow()))
                .isEqualTo(Double.doubleToRawLongBits(value));
        assertThat(mlops.runs().metricHistory(run.id(), "m").all()).singleElement()
                .satisfies(m -> assertThat(Double.compare(m.value(), value)).isZero());
    }

    @Test
    void logMetric_history_keepsEveryPointInStepOrder() {
        run.logMetric("loss", 3, 2).logMetric("loss", 1, 0).logMetric("loss", 2, 1).logMetric("loss", 2.5, 1);

        assertThat(mlops.runs().metricHistory(run.id(), "loss").all()).extracting(Metric::value)
                .containsExactly(1.0, 2.0, 2.5, 3.0);
        assertThat(stored().metric("loss")).hasValue(3.0);
    }

    @Test
    void setTag_overwritesAndDeleteTagRemoves() {
        run.setTag("team", "risk").setTag("team", "growth").setTag("keep", "me");
        run.deleteTag("team").deleteTag("absent");

        assertThat(stored().tags()).containsEntry("keep", "me").doesNotContainKey("team");
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(Arguments.of(""), Arguments.of("a$b"), Arguments.of("/abs"), Arguments.of("a/../b"),
                Arguments.of("k".repeat(Limits.MAX_KEY_LENGTH + 1)), Arguments.of("tab\tkey"), Arguments.of("   "));
    }

    @ParameterizedTest
    @MethodSource("invalidKeys")
    void writes_invalidKey_throwInvalidInputAndWriteNothing(String key) {
        RunRecord before = stored();

        assertThatThrownBy(() -> run.logParam(key, "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run.logMetric(key, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run.setTag(key, "v")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run.log(LogBatch.builder().param("ok", "1").metric(key, 1, 0).build()))
                .isInstanceOf(InvalidInputException.class);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void logParam_valueOverLimit_throwsInvalidInput() {
        assertThatThrownBy(() -> run.logParam("p", "v".repeat(Limits.MAX_PARAM_VALUE_LENGTH + 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining(
                        Integer.toString(Limits.MAX_PARAM_VALUE_LENGTH));
        assertThat(stored().params()).isEmpty();
    }

    @Test
    void setTag_reservedPrefix_throwsInvalidInput() {
        assertThatThrownBy(() -> run.setTag("mlops.error.class", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> run.deleteTag("mlops.host")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> run.log(LogBatch.builder().tag("mlops.x", "y").build()))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mlops.experiment("e").newRun().tag("mlops.pid", "1"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> mlops.experiment("e").tag("mlops.x", "1")).isInstanceOf(InvalidInputException.class);
        assertThat(stored().tags()).containsKey("mlops.host").doesNotContainKey("mlops.error.class");
    }

    static Stream<Arguments> writes() {
        return Stream.<Consumer<Run>>of(
                r -> r.logParam("p", "v"),
                r -> r.logParam("p", 1L),
                r -> r.logParams(Map.of("p", 1)),
                r -> r.logMetric("m", 1),
                r -> r.logMetrics(Map.of("m", 1), 0),
                r -> r.log(LogBatch.builder().tag("t", "v").build()),
                r -> r.setTag("t", "v"),
                r -> r.deleteTag("t"),
                r -> r.logArtifact("a.txt", new byte[] {1}),
                r -> r.logArtifact("a.txt", new ByteArrayInputStream(new byte[] {1})))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("writes")
    void write_afterRunEnded_throwsIllegalRunStateAndWritesNothing(Consumer<Run> write) {
        run.finish();
        RunRecord before = stored();

        assertThatThrownBy(() -> write.accept(run)).isInstanceOf(IllegalRunStateException.class)
                .hasMessageContaining(run.id()).hasMessageContaining("FINISHED");
        assertThat(stored()).isEqualTo(before);
        assertThat(mlops.runs().artifacts(run.id())).isEmpty();
    }

    @Test
    void log_emptyBatch_changesNothing() {
        run.logParam("p", "1");
        RunRecord before = stored();

        run.log(LogBatch.builder().build());

        assertThat(stored()).isEqualTo(before);
    }
}
