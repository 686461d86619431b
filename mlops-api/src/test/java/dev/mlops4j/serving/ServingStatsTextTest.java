package dev.mlops4j.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a handle's counters: one line with every counter named. */
class ServingStatsTextTest {

    @Test
    void toString_namesEveryCounterOnOneLine() {
        ServingStats stats = new ServingStats("wine", "production", 3, 1200, 2, 5,
                Map.of(InputIssueKind.UNKNOWN_FEATURE, 2L, InputIssueKind.OUT_OF_DOMAIN, 5L), 1200, 0, 0, 1, 0);

        assertThat(stats.toString()).isEqualTo("wine@production (v3): 1200 predictions, 2 rejected, 5 with issues"
                + " {UNKNOWN_FEATURE=2, OUT_OF_DOMAIN=5}; 1200 recorded, 0 dropped, 0 sink failures; 1 swap,"
                + " 0 refresh failures");
    }
}
