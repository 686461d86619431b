package dev.mlops4j.trigger;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulePropertiesTest {
    static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 300)
    void dailyCron_nextAndPrevious_equalTheDirectComputation(@ForAll @IntRange(max = 23) int hour,
                                                             @ForAll @IntRange(max = 59) int minute,
                                                             @ForAll @LongRange(max = 400L * 24 * 3600) long offsetSeconds) {
        Schedule s = Trigger.cron(minute + " " + hour + " * * *");
        Instant t = BASE.plusSeconds(offsetSeconds);
        ZonedDateTime sameDay = t.atZone(ZoneOffset.UTC).with(LocalTime.of(hour, minute));
        Instant next = sameDay.toInstant().isAfter(t) ? sameDay.toInstant() : sameDay.plusDays(1).toInstant();
        Instant previous = sameDay.toInstant().isAfter(t) ? sameDay.minusDays(1).toInstant() : sameDay.toInstant();
        assertThat(s.next(t, BASE)).hasValue(next);
        assertThat(s.previous(t, BASE)).hasValue(previous);
    }

    @Property(tries = 300)
    void fixedRate_firesFloorOfElapsedOverPeriodTimes(@ForAll @IntRange(min = 1, max = 600) int periodSeconds,
                                                      @ForAll @IntRange(max = 7200) int advanceSeconds) {
        ManualScheduler time = ManualScheduler.startingAt(BASE);
        Recorder action = new Recorder();
        try (Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).build()) {
            triggers.define("p").when(Trigger.every(Duration.ofSeconds(periodSeconds))).start(action);
            time.advanceBy(Duration.ofSeconds(advanceSeconds));
        }
        assertThat(action.firings()).hasSize(advanceSeconds / periodSeconds);
        for (int i = 0; i < action.firings().size(); i++) {
            assertThat(action.firings().get(i).scheduledFor()).isEqualTo(BASE.plusSeconds((long) (i + 1) * periodSeconds));
            assertThat(action.firings().get(i).firedAt()).isEqualTo(action.firings().get(i).scheduledFor());
        }
    }
}
