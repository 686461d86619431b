package dev.mlops4j.validation.drift.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops4j.validation.drift.Fixtures;
import dev.mlops4j.validation.drift.PValueKind;
import dev.mlops4j.validation.internal.WeightedValues;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The asymptotic p-values against scipy's kstwo, and the step-function statistic against the library's own. */
class KolmogorovSmirnovTest {

    static Stream<JsonNode> kstwo() {
        List<JsonNode> cases = new ArrayList<>();
        Fixtures.at("kstwo").forEach(cases::add);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kstwo")
    void asymptoticPValue_matchesScipyKstwo(JsonNode c) {
        double d = c.path("d").asDouble();
        long n = c.path("n").asLong();
        double expected = c.path("sf").asDouble();
        double actual = KolmogorovSmirnov.asymptoticPValue(d, n);
        if (n <= KolmogorovSmirnov.FINITE_N_MAX) {
            // Commons Statistics evaluates the finite-n distribution to 5-6 significant digits for n > 140
            assertThat(actual).isCloseTo(expected, within(expected * 1e-5));
        } else {
            // Kolmogorov's limit: within 0.3 / sqrt(n) of the finite-n distribution
            assertThat(actual).isCloseTo(expected, within(0.3 / Math.sqrt(n)));
        }
    }

    @Property(tries = 200)
    void ksStatistic_equalsLibraryStatistic(@ForAll("samples") double[] a, @ForAll("samples") double[] b) {
        WeightedValues x = WeightedValues.of(a, ones(a.length), true, 0);
        WeightedValues y = WeightedValues.of(b, ones(b.length), true, 0);
        double library = org.apache.commons.statistics.inference.KolmogorovSmirnovTest.withDefaults()
                .statistic(a, b);
        assertThat(Statistics.ksStatistic(x, y)).isCloseTo(library, within(1e-12));
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(x, y);
        assertThat(r.kind()).isEqualTo(PValueKind.EXACT);
        assertThat(r.d()).isCloseTo(library, within(1e-12));
    }

    @Property(tries = 100)
    void asymptoticPValue_decreasesInD(@ForAll @DoubleRange(min = 0.001, max = 0.5) @Scale(4) double d,
            @ForAll @IntRange(min = 10, max = 100_000) int n) {
        assertThat(KolmogorovSmirnov.asymptoticPValue(d, n))
                .isGreaterThanOrEqualTo(KolmogorovSmirnov.asymptoticPValue(d * 1.5, n))
                .isBetween(0.0, 1.0);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<double[]> samples() {
        // few distinct values, so that ties are common
        return net.jqwik.api.Arbitraries.integers().between(0, 15).map(i -> (double) i).array(double[].class)
                .ofMinSize(2).ofMaxSize(60);
    }

    private static long[] ones(int n) {
        long[] c = new long[n];
        java.util.Arrays.fill(c, 1);
        return c;
    }
}
