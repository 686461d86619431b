package dev.mlops4j.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a notebook shows for {@code monitor.windows()} (a table, one window a row) and for an alert (one line). */
class WindowTableTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void render_windows_isATableWithPerformance() {
        List<WindowReport> windows = List.of(
                new WindowReport("rain", 0, T, T.plusSeconds(86_400), 30, Optional.empty(),
                        new Performance(30, 30, 27, 0, 0, 0)),
                new WindowReport("rain", 1, T.plusSeconds(86_400), T.plusSeconds(172_800), 12, Optional.empty(),
                        Performance.NONE));

        assertThat(WindowTable.render(windows)).isEqualTo("""
                2 windows of 'rain':
                window  start                 end                   predictions  drift  share  drifted columns\
                  labelled  accuracy  rmse
                ------  --------------------  --------------------  -----------  -----  -----  ---------------\
                  --------  --------  ----
                0       2026-01-01T00:00:00Z  2026-01-02T00:00:00Z  30                                        \
                  30        0.9
                1       2026-01-02T00:00:00Z  2026-01-03T00:00:00Z  12                                        \
                  0
                """);
        assertThat(WindowTable.render(List.of())).isEqualTo("(no closed windows)\n");
    }

    @Test
    void monitorAlert_toString_isOneLineWithKindModelTimeAndWindow() {
        WindowReport w = new WindowReport("rain", 3, T, T.plusSeconds(60), 30, Optional.empty(), Performance.NONE);

        assertThat(new MonitorAlert(MonitorAlert.Kind.PERFORMANCE, "rain", T, "accuracy 0.4 < 0.6", w).toString())
                .isEqualTo("PERFORMANCE alert for 'rain' at 2026-01-01T00:00:00Z (window 3): accuracy 0.4 < 0.6");
    }
}
