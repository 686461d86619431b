package dev.mlops4j.validation.drift;

import static dev.mlops4j.validation.drift.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops4j.validation.data.Table;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every statistic against independent reference values from scipy and numpy (src/test/python/drift_reference.py,
 * output in src/test/resources/drift-reference.json), on small fixed arrays.
 */
class DriftReferenceTest {
    /** Sums of a few dozen terms: agreement to about 1e-12 relative. */
    private static final double TIGHT = 1e-11;

    private static DriftDetector allMethods() {
        return DriftDetector.builder().minSampleSize(1).measureAll(true).build();
    }

    private static ColumnDrift column(DriftReport r) {
        return r.column("v");
    }

    private static Measurement m(ColumnDrift c, DriftMethod method) {
        return c.measurement(method).orElseThrow(() -> new AssertionError("no " + method + " in " + c));
    }

    private static void assertClose(double actual, JsonNode expected, double relative) {
        double e = expected.asDouble();
        assertThat(actual).isCloseTo(e, within(Math.max(1e-300, Math.abs(e) * relative)));
    }

    static Stream<Arguments> numericCases() {
        return Stream.of(Arguments.of("x_vs_y", "x", "y"), Arguments.of("ties", "ties_ref", "ties_cur"),
                Arguments.of("wide", "wide_ref", "wide_cur"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("numericCases")
    void compare_numericArrays_matchScipy(String name, String refArray, String curArray) {
        Table ref = Fixtures.numbers("v", Fixtures.doubles(at("arrays", refArray)));
        Table cur = Fixtures.numbers("v", Fixtures.doubles(at("arrays", curArray)));
        JsonNode expected = at("cases", name);

        ColumnDrift c = column(allMethods().compare(ref, cur));
        Measurement ks = m(c, DriftMethod.KOLMOGOROV_SMIRNOV);
        assertClose(ks.value(), expected.path("ks").path("statistic"), TIGHT);
        assertClose(ks.pValue(), expected.path("ks").path("pvalue"), 1e-9);
        assertThat(ks.pValueKind()).isEqualTo(PValueKind.EXACT);
        assertClose(m(c, DriftMethod.WASSERSTEIN_NORMED).value(), expected.path("wasserstein_normed"), TIGHT);
        assertClose(m(c, DriftMethod.PSI).value(), expected.path("psi"), TIGHT);
        assertClose(m(c, DriftMethod.JENSEN_SHANNON_DISTANCE).value(), expected.path("js_distance_base2"), TIGHT);
        double d = expected.path("js_distance_base2").asDouble();
        assertThat(m(c, DriftMethod.JENSEN_SHANNON_DIVERGENCE).value()).isCloseTo(d * d, within(d * d * TIGHT));
        assertClose(m(c, DriftMethod.L_INFINITY).value(), expected.path("l_infinity"), TIGHT);
        Measurement chi2 = m(c, DriftMethod.CHI_SQUARED);
        assertClose(chi2.value(), expected.path("chi2").path("statistic"), TIGHT);
        assertClose(chi2.pValue(), expected.path("chi2").path("pvalue"), 1e-9);
        assertThat(chi2.definition()).contains("df = k - 1 = " + expected.path("chi2").path("dof").asInt());
        assertThat(m(c, DriftMethod.PSI).definition()).contains(expected.path("binning").asText().equals("values")
                ? "one bin per value" : "reference quantiles k/10");

        ColumnDrift natural = column(DriftDetector.builder().minSampleSize(1).logBase(Math.E)
                .method(DriftMethod.JENSEN_SHANNON_DISTANCE).build().compare(ref, cur));
        assertClose(natural.measurement().orElseThrow().value(), expected.path("js_distance_base_e"), TIGHT);
        assertThat(natural.measurement().orElseThrow().definition()).contains("log base 2.71828");
    }

    static Stream<Arguments> binnings() {
        return Stream.of(Arguments.of(Binning.EQUAL_WIDTH, "equal_width"), Arguments.of(Binning.STURGES, "sturges"),
                Arguments.of(Binning.TFDV, "tfdv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binnings")
    void compare_otherBinnings_matchNumpyBins(Binning binning, String key) {
        Table ref = Fixtures.numbers("v", Fixtures.doubles(at("arrays", "wide_ref")));
        Table cur = Fixtures.numbers("v", Fixtures.doubles(at("arrays", "wide_cur")));
        JsonNode expected = at("cases", "wide_binnings", key);

        ColumnDrift c = column(DriftDetector.builder().minSampleSize(1).measureAll(true).binning(binning).build()
                .compare(ref, cur));

        assertThat(m(c, DriftMethod.PSI).detail()).isEqualTo(expected.path("bins").asInt() + " bins");
        assertClose(m(c, DriftMethod.PSI).value(), expected.path("psi"), TIGHT);
        assertClose(m(c, DriftMethod.JENSEN_SHANNON_DISTANCE).value(), expected.path("js_distance_base2"), TIGHT);
        assertClose(m(c, DriftMethod.JENSEN_SHANNON_DIVERGENCE).value(), expected.path("js_divergence_base2"), TIGHT);
        assertClose(m(c, DriftMethod.L_INFINITY).value(), expected.path("l_infinity"), TIGHT);
    }

    @Test
    void compare_largeCountedSamples_asymptoticKsMatchesScipy() {
        JsonNode big = at("cases", "big");
        Table ref = Fixtures.counted("v", big.path("values"), big.path("counts_ref"));
        Table cur = Fixtures.counted("v", big.path("values"), big.path("counts_cur"));

        ColumnDrift c = column(DriftDetector.builder().method(DriftMethod.KOLMOGOROV_SMIRNOV).measureAll(true).build()
                .compare(ref, cur));

        Measurement ks = c.measurement().orElseThrow();
        assertThat(ks.method()).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(ks.pValueKind()).isEqualTo(PValueKind.ASYMPTOTIC);
        assertThat(ks.definition()).contains("N = round(n_ref n_cur / (n_ref + n_cur)) = 6667");
        assertClose(ks.value(), big.path("ks").path("statistic"), TIGHT);
        assertClose(ks.pValue(), big.path("ks").path("pvalue"), 1e-6);
        assertClose(m(c, DriftMethod.WASSERSTEIN_NORMED).value(), big.path("wasserstein_normed"), 1e-10);
        assertThat(ks.basis()).isEqualTo("exact values (12000 reference, 15000 current)");
    }

    @Test
    void compare_categories_matchScipy() {
        JsonNode data = at("categorical_data");
        JsonNode expected = at("cases", "categorical");
        ColumnDrift c = column(allMethods().compare(Fixtures.categories("v", Fixtures.strings(data.path("reference"))),
                Fixtures.categories("v", Fixtures.strings(data.path("current")))));

        assertClose(m(c, DriftMethod.PSI).value(), expected.path("psi"), TIGHT);
        assertClose(m(c, DriftMethod.JENSEN_SHANNON_DISTANCE).value(), expected.path("js_distance_base2"), TIGHT);
        assertClose(m(c, DriftMethod.L_INFINITY).value(), expected.path("l_infinity"), TIGHT);
        assertClose(m(c, DriftMethod.CHI_SQUARED).value(), expected.path("chi2").path("statistic"), TIGHT);
        assertClose(m(c, DriftMethod.CHI_SQUARED).pValue(), expected.path("chi2").path("pvalue"), 1e-9);
        // 'e' is new: the goodness-of-fit statistic against the reference shares is infinite
        assertThat(m(c, DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(m(c, DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT).pValue()).isZero();
        assertThat(c.measurement(DriftMethod.KOLMOGOROV_SMIRNOV)).isEmpty();
        MonitorResult fresh = c.monitor(Monitor.NEW_CATEGORY_FRACTION).orElseThrow();
        assertClose(fresh.value(), expected.path("new_category_fraction"), TIGHT);
        assertThat(fresh.exact()).isTrue();
        assertThat(m(c, DriftMethod.L_INFINITY).detail())
                .isEqualTo("largest at 'b': reference 30.00%, current 38.89%");
    }

    @Test
    void compare_knownCategories_goodnessOfFitMatchesScipy() {
        JsonNode data = at("categorical_data");
        JsonNode expected = at("cases", "categorical_known", "chi2_gof");
        ColumnDrift c = column(allMethods().compare(Fixtures.categories("v", Fixtures.strings(data.path("reference"))),
                Fixtures.categories("v", Fixtures.strings(data.path("current_known")))));

        Measurement gof = m(c, DriftMethod.CHI_SQUARED_GOODNESS_OF_FIT);
        assertClose(gof.value(), expected.path("statistic"), TIGHT);
        assertClose(gof.pValue(), expected.path("pvalue"), 1e-9);
        assertThat(gof.definition()).contains("df = k - 1 = 3");
        assertThat(c.monitor(Monitor.NEW_CATEGORY_FRACTION).orElseThrow().value()).isZero();
    }

    @Test
    void compare_twoValues_zTestMatchesScipy() {
        JsonNode data = at("categorical_data");
        JsonNode expected = at("cases", "binary");
        ColumnDrift c = column(allMethods().compare(
                Fixtures.categories("v", Fixtures.strings(data.path("binary_reference"))),
                Fixtures.categories("v", Fixtures.strings(data.path("binary_current")))));

        Measurement z = m(c, DriftMethod.Z_TEST);
        assertThat(Math.abs(z.value())).isCloseTo(Math.abs(expected.path("z").path("statistic").asDouble()),
                within(1e-12));
        assertClose(z.pValue(), expected.path("z").path("pvalue"), 1e-9);
        // without continuity correction, the 2 x 2 chi-squared statistic is z squared, with the same p-value
        assertThat(m(c, DriftMethod.CHI_SQUARED).value()).isCloseTo(z.value() * z.value(), within(1e-9));
        assertClose(m(c, DriftMethod.CHI_SQUARED).pValue(), expected.path("z").path("pvalue"), 1e-9);
    }

    @Test
    void compare_missingValuesAndOutliers_monitorsMatchNumpy() {
        JsonNode mon = at("monitors");
        ColumnDrift c = column(DriftDetector.defaults().compare(
                Fixtures.numbers("v", Fixtures.doubles(mon.path("reference"))),
                Fixtures.numbers("v", Fixtures.doubles(mon.path("current")))));

        MonitorResult missing = c.monitor(Monitor.MISSING_FRACTION_CHANGE).orElseThrow();
        assertClose(missing.reference(), mon.path("missing_reference"), TIGHT);
        assertClose(missing.current(), mon.path("missing_current"), TIGHT);
        assertClose(missing.value(), mon.path("missing_change"), TIGHT);
        assertThat(missing.status()).isEqualTo(DriftStatus.DRIFT);
        MonitorResult outside = c.monitor(Monitor.OUTSIDE_REFERENCE_2_SIGMA).orElseThrow();
        assertThat(outside.reference()).isCloseTo(mon.path("outside_reference").asDouble(), offset(1e-15));
        assertClose(outside.current(), mon.path("outside_current"), TIGHT);
        assertClose(outside.value(), mon.path("outside_increase"), TIGHT);
        assertThat(outside.status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(c.worstStatus()).isEqualTo(DriftStatus.DRIFT);
    }

    @Test
    void adjust_pValues_matchBonferroniAndBenjaminiHochberg() {
        JsonNode mt = at("multiple_testing");
        double[] p = Fixtures.doubles(mt.path("p")).stream().mapToDouble(Double::doubleValue).toArray();
        double[] bonferroni = Fixtures.doubles(mt.path("bonferroni")).stream().mapToDouble(Double::doubleValue)
                .toArray();
        double[] bh = Fixtures.doubles(mt.path("benjamini_hochberg")).stream().mapToDouble(Double::doubleValue)
                .toArray();

        assertThat(MultipleTesting.BONFERRONI.adjust(p)).containsExactly(bonferroni, within(1e-15));
        assertThat(MultipleTesting.BENJAMINI_HOCHBERG.adjust(p)).containsExactly(bh, within(1e-15));
        assertThat(MultipleTesting.NONE.adjust(p)).containsExactly(p);
    }
}
