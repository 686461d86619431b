package dev.mlops4j.validation.drift.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.drift.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The strategies against the independent Python implementations in drift_reference.py. */
class AnomalyStrategyTest {
    private static final double[] SERIES = Fixtures.doubles(Fixtures.at("history", "series")).stream()
            .mapToDouble(Double::doubleValue).toArray();

    private static List<Boolean> flags(List<Expectation> e) {
        List<Boolean> out = new ArrayList<>();
        e.forEach(x -> out.add(x.anomalous()));
        return out;
    }

    private static List<Boolean> expected(String key) {
        List<Boolean> out = new ArrayList<>();
        Fixtures.at("history", key).forEach(n -> out.add(n.asBoolean()));
        return out;
    }

    @Test
    void onlineNormal_series_flagsAsReference() {
        List<Expectation> e = new OnlineNormal(3, 3, 5, true).evaluate(SERIES);

        assertThat(flags(e)).isEqualTo(expected("online_normal_k3_min5"));
        // the spike (index 9) and the zero (index 12) are anomalies; the band at the spike is the first 9 values'
        assertThat(e.get(9).anomalous()).isTrue();
        assertThat(e.get(12).anomalous()).isTrue();
        double[] first9 = java.util.Arrays.copyOf(SERIES, 9);
        double mean = java.util.Arrays.stream(first9).average().orElseThrow();
        double ss = java.util.Arrays.stream(first9).map(x -> (x - mean) * (x - mean)).sum();
        assertThat(e.get(9).upper()).isCloseTo(mean + 3 * Math.sqrt(ss / 8), within(1e-15));
        assertThat(e.subList(0, 5)).allSatisfy(x -> assertThat(x.judged()).isFalse());
    }

    @Test
    void onlineNormal_keepingAnomalies_bandWidensAfterTheSpike() {
        List<Expectation> ignoring = new OnlineNormal(3, 3, 5, true).evaluate(SERIES);
        List<Expectation> keeping = new OnlineNormal(3, 3, 5, false).evaluate(SERIES);
        assertThat(keeping.get(10).upper()).isGreaterThan(ignoring.get(10).upper() + 0.01);
    }

    @Test
    void relativeRateOfChange_series_flagsAsReference() {
        List<Expectation> e = new RelativeRateOfChange(0.5, 2.0).evaluate(SERIES);
        assertThat(flags(e)).isEqualTo(expected("relative_rate_0.5_2.0"));
        assertThat(e.get(0).judged()).isFalse();
        assertThat(e.get(9).lower()).isCloseTo(SERIES[8] * 0.5, within(1e-18));
    }

    @Test
    void simpleThresholds_outsideBounds() {
        List<Expectation> e = SimpleThresholds.atMost(0.02).evaluate(SERIES);
        List<Boolean> f = flags(e);
        for (int i = 0; i < SERIES.length; i++) {
            assertThat(f.get(i)).isEqualTo(SERIES[i] > 0.02);
        }
        assertThat(flags(new SimpleThresholds(0.005, 0.02).evaluate(SERIES)).get(12)).isTrue();
    }

    @Test
    void strategies_badParameters_rejected() {
        assertThatThrownBy(() -> new SimpleThresholds(2, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RelativeRateOfChange(1.5, 2)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new OnlineNormal(3, 3, 1, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("minHistory >= 2");
    }

    @Test
    void historyChecks_patterns_firstMatchWins() {
        AnomalyStrategy a = SimpleThresholds.atMost(1);
        AnomalyStrategy b = OnlineNormal.of(3);
        HistoryChecks checks = HistoryChecks.builder().check("amount.missing_fraction", a)
                .check("*.missing_fraction", b).build();
        assertThat(checks.strategyFor("amount.missing_fraction")).contains(a);
        assertThat(checks.strategyFor("price (net).missing_fraction")).contains(b);
        assertThat(checks.strategyFor("amount.mean")).isEmpty();
        JsonNode unused = Fixtures.root();
        assertThat(unused.has("history")).isTrue();
        assertThat(HistoryChecks.defaults().strategyFor("rows").orElseThrow()).isInstanceOf(RelativeRateOfChange.class);
        assertThat(HistoryChecks.defaults().strategyFor("x.missing_fraction").orElseThrow().describe())
                .isEqualTo("within [-inf, mean + 3 sd] of the earlier values (after 7, anomalies left out)");
    }
}
