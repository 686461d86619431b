package dev.mlops4j.trigger;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.validation.drift.DriftReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * When to fire: a schedule, new data, drift, a live metric failing a gate, or an AND/OR of those. Triggers are
 * immutable descriptions (except {@link DataSignal}, which is the callback that data producers call); an engine
 * ({@link Triggers}) watches them and fires {@link TriggerAction}s.
 *
 * <pre>{@code
 * Trigger nightly = Trigger.cron("0 2 * * *").in(ZoneId.of("Europe/Paris"));
 * Trigger fresh = Trigger.onNewFiles(Path.of("/data/incoming")).matching("*.csv");
 * Trigger drift = Trigger.onDrift(monitor::latestDrift, 0.3);
 * Trigger retrain = nightly.and(fresh).or(drift);     // nightly when new data came, or at once on drift
 * }</pre>
 *
 * <p>Semantics of the parts:
 * <ul>
 *   <li>A part <em>happens</em> when its event occurs: a scheduled time passes, files arrive, a new drift report is
 *       above the threshold, a new set of live metrics fails the gate. What happened is remembered until the trigger
 *       fires; several events before a firing coalesce into one firing (as Airflow's dataset triggers do).</li>
 *   <li>{@link #and(Trigger) AND} fires once every part has happened since the last firing; {@link #or(Trigger) OR}
 *       as soon as one has. A firing consumes what every part had gathered.</li>
 *   <li>Only a schedule standing alone fires once per scheduled time (subject to its {@link MisfirePolicy}); inside an
 *       AND or OR a schedule is one event, however many times passed.</li>
 * </ul>
 */
public sealed interface Trigger permits Schedule, NewFilesTrigger, DataSignal, DriftTrigger, GateTrigger, CompositeTrigger {

    /** @return a short description for firings' reasons and logs */
    String describe();

    /**
     * @param period the interval, at least one millisecond
     * @return a fixed-rate schedule anchored at the definition's start (or its first registration)
     */
    static Schedule every(Duration period) {
        return Schedule.fixedRate(period);
    }

    /**
     * A cron schedule in UTC; change the zone with {@link Schedule#in(java.time.ZoneId)}.
     *
     * @param expression Unix cron with 5 fields ({@code "0 2 * * *"}: minute hour day-of-month month day-of-week)
     *     or Quartz cron with 6 or 7 fields ({@code "0 0 2 ? * MON-FRI"}: with seconds, optional year)
     * @return the schedule
     * @throws dev.mlops4j.InvalidInputException if the expression is not valid cron
     */
    static Schedule cron(String expression) {
        return Schedule.cron(expression);
    }

    /**
     * Fires when new or modified regular files appear in a directory (not its subdirectories), found by a scan at each
     * poll of the engine. The cursor (the newest modification time consumed and the names at that time) is kept with
     * the trigger's state, so files that arrived while the application was down fire after a restart, and files already
     * consumed do not fire again.
     *
     * @param directory the watched directory; it may not exist yet
     * @return the trigger, matching every file; narrow it with {@link NewFilesTrigger#matching(String)}
     */
    static NewFilesTrigger onNewFiles(Path directory) {
        return new NewFilesTrigger(directory, "*");
    }

    /** @return a new callback trigger: call {@link DataSignal#signal(String)} when data arrives */
    static DataSignal signal() {
        return new DataSignal("signal");
    }

    /**
     * @param name a name shown in firing reasons
     * @return a new callback trigger: call {@link DataSignal#signal(String)} when data arrives
     */
    static DataSignal signal(String name) {
        return new DataSignal(name);
    }

    /**
     * Fires on each new drift report whose {@link DriftReport#driftShare() share of drifted columns} is at least the
     * threshold. The supplier is polled by the engine; it returns the latest report, or null while there is none
     * (e.g. {@code monitor::latestDrift}). A report seen before (the same instance, or one with the same content, as
     * one read again after a restart) does not fire again.
     *
     * @param reports the latest report, or null
     * @param shareThreshold the share of drifted columns that fires, in (0, 1]
     * @return the trigger
     */
    static DriftTrigger onDrift(Supplier<DriftReport> reports, double shareThreshold) {
        return new DriftTrigger(reports, shareThreshold);
    }

    /**
     * Fires on each new drift report that {@link DriftReport#isDrift() is drift} by its own share threshold.
     *
     * @param reports the latest report, or null
     * @return the trigger
     */
    static DriftTrigger onDrift(Supplier<DriftReport> reports) {
        return new DriftTrigger(reports, Double.NaN);
    }

    /**
     * Fires when a new set of live metrics fails a gate, e.g. {@code Gate.metric("accuracy").atLeast(0.8)} on a
     * monitor's {@code latestMetrics()}. The supplier is polled; it returns the latest metrics, or null while there are
     * none. Values equal to the last ones evaluated (also before a restart, with a store) are not evaluated again.
     *
     * @param gate value conditions (a change condition has no champion here and is skipped)
     * @param metrics the latest live metrics, or null
     * @return the trigger
     */
    static GateTrigger onGateFailure(Gate gate, Supplier<? extends Map<String, ? extends Number>> metrics) {
        return new GateTrigger(gate, metrics);
    }

    /**
     * @param first a trigger
     * @param more further triggers
     * @return a trigger firing once all have happened since the last firing
     */
    static Trigger allOf(Trigger first, Trigger... more) {
        return CompositeTrigger.of(true, first, more);
    }

    /**
     * @param first a trigger
     * @param more further triggers
     * @return a trigger firing as soon as one has happened
     */
    static Trigger anyOf(Trigger first, Trigger... more) {
        return CompositeTrigger.of(false, first, more);
    }

    /** @param other another trigger @return both must happen */
    default Trigger and(Trigger other) {
        return allOf(this, other);
    }

    /** @param other another trigger @return either may happen */
    default Trigger or(Trigger other) {
        return anyOf(this, other);
    }

    /** @return the parts of an AND/OR, or this trigger alone */
    default List<Trigger> parts() {
        return List.of(this);
    }
}
