package dev.mlops4j.report.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicksTest {

    @Test
    void nice_unitInterval_stepsByTenthsOrFifths() {
        Ticks t = Ticks.nice(0.12, 0.93, 6, false);

        assertThat(t.step()).isEqualTo(0.2);
        assertThat(t.lo()).isEqualTo(0.0);
        assertThat(t.hi()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(t.values()).extracting(t::label).containsExactly("0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
    }

    @Test
    void tight_steps_keepsDataEndsAndIntegerTicks() {
        Ticks t = Ticks.tight(0, 59, 7, true);

        assertThat(t.lo()).isZero();
        assertThat(t.hi()).isEqualTo(59);
        assertThat(t.values()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(t.label(50)).isEqualTo("50");
    }

    @Test
    void tight_fewIntegerSteps_neverTicksBetweenIntegers() {
        Ticks t = Ticks.tight(0, 2, 7, true);

        assertThat(t.step()).isEqualTo(1);
        assertThat(t.values()).containsExactly(0.0, 1.0, 2.0);
    }

    @ParameterizedTest
    @CsvSource({"5, 5", "0, 0", "-3, -3"})
    void nice_singleValue_isWidenedAroundIt(double min, double max) {
        Ticks t = Ticks.nice(min, max, 5, false);

        assertThat(t.lo()).isLessThan(min);
        assertThat(t.hi()).isGreaterThan(max);
    }

    @ParameterizedTest
    @CsvSource({"0, 250000, 50k", "0, 3000000, 500k", "0, 0.0004, 0.00e+00", "-1, 1, -1.0"})
    void label_largeAndTinyMagnitudes_stayShort(double min, double max, String firstLabel) {
        Ticks t = Ticks.nice(min, max, 6, false);

        assertThat(t.label(t.values().get(t.values().size() > 1 && firstLabel.endsWith("k") ? 1 : 0)))
                .isEqualTo(firstLabel);
    }

    @Test
    void nice_nonFiniteRange_isRejected() {
        assertThatThrownBy(() -> Ticks.nice(0, Double.NaN, 5, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ticks.nice(2, 1, 5, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void nice_anyRange_coversDataWithFewDistinctLabels(@ForAll @DoubleRange(min = -1e9, max = 1e9) double a,
                                                     @ForAll @DoubleRange(min = -1e9, max = 1e9) double b) {
        double min = Math.min(a, b);
        double max = Math.max(a, b);
        Ticks t = Ticks.nice(min, max, 6, false);

        assertThat(t.lo()).isLessThanOrEqualTo(min);
        assertThat(t.hi()).isGreaterThanOrEqualTo(max);
        assertThat(t.values()).hasSizeBetween(2, 13).isSorted();
        List<String> labels = t.values().stream().map(t::label).toList();
        assertThat(labels).doesNotHaveDuplicates();
    }

    @Property(tries = 300)
    void tight_integerSteps_ticksAreIntegersInsideRange(@ForAll @DoubleRange(min = 0, max = 1e6) double a,
                                                      @ForAll @DoubleRange(min = 0, max = 1e6) double b) {
        double min = Math.floor(Math.min(a, b));
        double max = Math.floor(Math.max(a, b));
        Assume.that(max > min);
        Ticks t = Ticks.tight(min, max, 7, true);

        assertThat(t.values()).allSatisfy(v -> {
            assertThat(v).isBetween(min, max);
            assertThat(v).isEqualTo(Math.rint(v));
        });
        assertThat(t.values()).hasSizeBetween(1, 13);
    }
}
