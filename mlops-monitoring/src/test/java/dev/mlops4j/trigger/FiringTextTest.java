package dev.mlops4j.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a firing and its record: one readable line each, not the records' field dumps. */
class FiringTextTest {
    private static final Instant T = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void firing_toString_onTimeAndLate() {
        assertThat(new Firing("retrain", 3, "cron '0 0 * * *'", T, T).toString())
                .isEqualTo("firing #3 of 'retrain' at 2026-01-02T00:00:00Z: cron '0 0 * * *'");
        assertThat(new Firing("retrain", 4, "cron '0 0 * * *'", T.plusSeconds(3600), T).toString())
                .isEqualTo("firing #4 of 'retrain' at 2026-01-02T01:00:00Z (late: scheduled for 2026-01-02T00:00:00Z):"
                        + " cron '0 0 * * *'");
    }

    @Test
    void firingRecord_toString_isOneLineWithOutcomeRunAndError() {
        Firing f = new Firing("retrain", 1, "gate 'live' failed", T, T);

        assertThat(new FiringRecord(f, FiringOutcome.COMPLETED, Optional.empty(), Optional.of("abc")).toString())
                .isEqualTo("#1 'retrain' 2026-01-02T00:00:00Z COMPLETED (run abc): gate 'live' failed");
        assertThat(new FiringRecord(f, FiringOutcome.FAILED, Optional.of("IllegalStateException: boom"),
                Optional.empty()).toString())
                .isEqualTo("#1 'retrain' 2026-01-02T00:00:00Z FAILED: gate 'live' failed;"
                        + " error: IllegalStateException: boom")
                .doesNotContain("Optional", "Firing[");
    }

    @Test
    void history_printsAsATableOfFirings() {
        FiringRecord onTime = new FiringRecord(new Firing("retrain", 1, "drift", T, T), FiringOutcome.COMPLETED,
                Optional.empty(), Optional.of("abc"));
        FiringRecord late = new FiringRecord(new Firing("retrain", 2, "cron", T.plusSeconds(60), T),
                FiringOutcome.FAILED, Optional.of("IllegalStateException: boom"), Optional.empty());

        assertThat(FiringTable.render(java.util.List.of(onTime, late))).isEqualTo("""
                2 firings:
                #  trigger  fired at              scheduled for         outcome    run  reason  error
                -  -------  --------------------  --------------------  ---------  ---  ------  ---------------------------
                1  retrain  2026-01-02T00:00:00Z                        COMPLETED  abc  drift
                2  retrain  2026-01-02T00:01:00Z  2026-01-02T00:00:00Z  FAILED          cron    IllegalStateException: boom
                """);
        assertThat(FiringTable.render(java.util.List.of())).isEqualTo("(no firings)\n");
    }
}
