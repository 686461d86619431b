package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.Prediction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The label join's rules on their own, without windows being cut or analysed. */
class LabelJoinTest {
    private static final Instant T0 = Instant.parse("2013-01-01T00:00:00Z");
    private static final Prediction RAIN = new Prediction("rain", Map.of("rain", 0.8, "sun", 0.2), true);
    private static final Consumer<ClosedWindow> NONE_ANALYSED = c -> {
        throw new AssertionError("no analysed window was labelled, but window " + c.index + " was reported");
    };

    private final LabelJoin join = new LabelJoin("weather", 100);
    private final OpenWindow open = new OpenWindow(0, T0, T0, 16);

    private static Prediction temperature(double value) {
        return new Prediction(null, Map.of("temp_max", value), false);
    }

    @Test
    void label_beforeItsPrediction_waitsThenJoinsWhenKeyed() {
        assertThat(join.label("day 1", "rain", NONE_ANALYSED)).isFalse();
        assertThat(join.pending()).isEqualTo(1);

        join.keyed("day 1", RAIN, open);
        ClosedWindow closed = new ClosedWindow(open, T0);
        join.closed(open, closed);

        assertThat(join.pending()).isZero();
        assertThat(join.joined()).isEqualTo(1);
        assertThat(closed.performance.labelled()).isEqualTo(1);
        assertThat(closed.performance.accuracy()).hasValue(1.0);
        assertThat(closed.keys).containsExactly("day 1");
    }

    @Test
    void label_pendingLimitReached_dropsTheOldestAsUnmatched() {
        LabelJoin small = new LabelJoin("weather", 2);
        small.label("a", "rain", NONE_ANALYSED);
        small.label("b", "rain", NONE_ANALYSED);
        small.label("c", "rain", NONE_ANALYSED);

        assertThat(small.pending()).isEqualTo(2);
        assertThat(small.unmatched()).isEqualTo(1);
        small.keyed("a", RAIN, open);
        assertThat(small.joined()).as("a's label was dropped").isZero();
        small.keyed("c", RAIN, open);
        assertThat(small.joined()).isEqualTo(1);
    }

    @Test
    void label_pendingLimitZero_countsAnEarlyLabelUnmatchedAndKeepsNone() {
        LabelJoin none = new LabelJoin("weather", 0);

        assertThat(none.label("a", "rain", NONE_ANALYSED)).isFalse();

        assertThat(none.pending()).isZero();
        assertThat(none.unmatched()).isEqualTo(1);
        none.keyed("a", RAIN, open);
        assertThat(none.joined()).isZero();
    }

    @Test
    void label_secondLabelForAKey_isIgnored() {
        join.keyed("day 1", RAIN, open);

        assertThat(join.label("day 1", "rain", NONE_ANALYSED)).isTrue();
        assertThat(join.label("day 1", "sun", NONE_ANALYSED)).isFalse();
        assertThat(join.joined()).isEqualTo(1);
    }

    @Test
    void label_classForARegression_throwsAndJoinsNothing() {
        join.keyed("day 1", temperature(12.0), open);

        assertThatThrownBy(() -> join.label("day 1", "rain", NONE_ANALYSED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("model 'weather' predicted a number")
                .hasMessageContaining("pass the true value as a double");
        assertThat(join.joined()).isZero();
    }

    @Test
    void keyed_waitingLabelOfTheWrongKind_countsItUnmatchedWithoutThrowing() {
        join.label("day 1", 3.0, NONE_ANALYSED);

        join.keyed("day 1", RAIN, open);

        assertThat(join.unmatched()).isEqualTo(1);
        assertThat(join.joined()).isZero();
        assertThat(join.pending()).isZero();
    }

    @Test
    void label_closedWindow_updatesItsPerformanceAndReportsItOnlyOnceAnalysed() {
        join.keyed("day 1", temperature(12.0), open);
        join.keyed("day 2", temperature(20.0), open);
        ClosedWindow closed = new ClosedWindow(open, T0);
        join.closed(open, closed);
        List<ClosedWindow> reported = new ArrayList<>();

        join.label("day 1", 10.0, reported::add);
        closed.analysed = true;
        join.label("day 2", 24.0, reported::add);

        assertThat(reported).containsExactly(closed);
        assertThat(closed.performance.labelled()).isEqualTo(2);
        assertThat(closed.performance.mae().getAsDouble()).isCloseTo(3.0, within(1e-9));
        assertThat(closed.performance.rmse().getAsDouble()).isCloseTo(Math.sqrt(10.0), within(1e-9));
    }

    @Test
    void evicted_windowsKeys_laterLabelWaitsAsIfUnseen() {
        join.keyed("day 1", RAIN, open);
        ClosedWindow closed = new ClosedWindow(open, T0);
        join.closed(open, closed);

        join.evicted(closed);

        assertThat(join.label("day 1", "rain", NONE_ANALYSED)).isFalse();
        assertThat(join.pending()).isEqualTo(1);
        assertThat(join.joined()).isZero();
    }
}
