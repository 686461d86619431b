package dev.mlops4j.trigger;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.mlops4j.InvalidInputException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A time schedule: fixed rate or cron (through cron-utils), in a time zone. Immutable. From {@link Trigger#every} and
 * {@link Trigger#cron}; the start, end and maximum number of runs belong to the {@link TriggerDefinition}.
 */
public final class Schedule implements Trigger {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private final Duration period;
    private final String expression;
    private final ExecutionTime execution;
    private final ZoneId zone;

    private Schedule(Duration period, String expression, ExecutionTime execution, ZoneId zone) {
        this.period = period;
        this.expression = expression;
        this.execution = execution;
        this.zone = zone;
    }

    static Schedule fixedRate(Duration period) {
        Objects.requireNonNull(period, "period");
        if (period.compareTo(Duration.ofMillis(1)) < 0) {
            throw new InvalidInputException("a fixed-rate period must be at least 1 ms, was " + period);
        }
        return new Schedule(period, null, null, ZoneOffset.UTC);
    }

    static Schedule cron(String expression) {
        Objects.requireNonNull(expression, "expression");
        String trimmed = expression.trim();
        int fields = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        CronParser parser;
        if (fields == 5) {
            parser = UNIX;
        } else if (fields == 6 || fields == 7) {
            parser = QUARTZ;
        } else {
            throw new InvalidInputException("cron expression '" + expression + "' has " + fields + " fields; use 5"
                    + " (Unix: minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\") or 6-7"
                    + " (Quartz, with seconds first, e.g. \"0 0 2 ? * MON-FRI\")");
        }
        Cron cron;
        try {
            cron = parser.parse(trimmed);
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cron expression '" + expression + "' is not valid "
                    + (fields == 5 ? "Unix" : "Quartz") + " cron: " + e.getMessage(), e);
        }
        return new Schedule(null, trimmed, ExecutionTime.forCron(cron), ZoneOffset.UTC);
    }

    /**
     * @param newZone the zone cron fields are read in (daylight-saving changes included); no effect on a fixed rate
     * @return a copy in that zone
     */
    public Schedule in(ZoneId newZone) {
        Objects.requireNonNull(newZone, "zone");
        return new Schedule(period, expression, execution, newZone);
    }

    /** @return the fixed-rate period, empty for cron */
    public Optional<Duration> period() {
        return Optional.ofNullable(period);
    }

    /** @return the cron expression, empty for a fixed rate */
    public Optional<String> expression() {
        return Optional.ofNullable(expression);
    }

    /** @return the zone */
    public ZoneId zone() {
        return zone;
    }

    /**
     * @param after an instant
     * @param anchor the first time of a fixed rate (ignored by cron)
     * @return the first scheduled time strictly after {@code after}, if any
     */
    public Optional<Instant> next(Instant after, Instant anchor) {
        if (period != null) {
            if (after.isBefore(anchor)) {
                return Optional.of(anchor);
            }
            long n = Duration.between(anchor, after).dividedBy(period) + 1;
            return Optional.of(anchor.plus(period.multipliedBy(n)));
        }
        return execution.nextExecution(ZonedDateTime.ofInstant(after, zone)).map(ZonedDateTime::toInstant);
    }

    /**
     * @param atOrBefore an instant
     * @param anchor the first time of a fixed rate (ignored by cron)
     * @return the last scheduled time at or before {@code atOrBefore}, if any
     */
    public Optional<Instant> previous(Instant atOrBefore, Instant anchor) {
        if (period != null) {
            if (atOrBefore.isBefore(anchor)) {
                return Optional.empty();
            }
            long n = Duration.between(anchor, atOrBefore).dividedBy(period);
            return Optional.of(anchor.plus(period.multipliedBy(n)));
        }
        // cron-utils' lastExecution is strictly before its argument; ask from just after to include the instant itself.
        return execution.lastExecution(ZonedDateTime.ofInstant(atOrBefore.plusNanos(1), zone))
                .map(ZonedDateTime::toInstant);
    }

    @Override
    public String describe() {
        return period != null ? "every " + period : "cron '" + expression + "' in " + zone;
    }

    @Override
    public String toString() {
        return describe();
    }
}
