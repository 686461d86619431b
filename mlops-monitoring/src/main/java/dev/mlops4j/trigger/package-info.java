/**
 * Triggers: what starts a pipeline or retraining automatically, as MLOps level 1 asks ("in production based on a
 * schedule or in response to a trigger").
 *
 * <ul>
 *   <li>{@link dev.mlops4j.trigger.Trigger} — when: fixed-rate and cron schedules in a time zone, new files in a
 *       directory, a {@link dev.mlops4j.trigger.DataSignal callback}, drift above a threshold, live metrics failing a
 *       gate, and AND/OR combinations of these.</li>
 *   <li>{@link dev.mlops4j.trigger.TriggerDefinition} — how: target, {@link dev.mlops4j.trigger.ConcurrencyPolicy}
 *       (skip, bounded queue, replace), debounce, {@link dev.mlops4j.trigger.MisfirePolicy} (none, once, all with a
 *       cap), start, end and maximum runs.</li>
 *   <li>{@link dev.mlops4j.trigger.TriggerAction} — what: a callback receiving a {@link dev.mlops4j.trigger.Firing}
 *       (reason, time, sequence). It is our own interface so that pipelines, jobs or plain methods plug in.</li>
 *   <li>{@link dev.mlops4j.trigger.Triggers} — the engine, driven by a {@link dev.mlops4j.trigger.Scheduler}; with
 *       {@link dev.mlops4j.trigger.ManualScheduler} time moves only when a test says so.</li>
 * </ul>
 *
 * <p><b>Where state lives.</b> No store SPI was added: state and firings are ordinary tracking data of the experiment
 * {@code mlops.triggers} in the engine's mlops store, so every store that passes the TCK keeps them durably. Each
 * trigger's state (sequence, runs, fixed-rate anchor, cursors of its schedules and watched directories, its signalled
 * items not yet fired, the last drift report and live metrics it judged and the events gathered from them) is one JSON
 * experiment tag {@code trigger.<name>.state}, written in one call, so it never tears; experiment tags stay writable
 * (a run's freeze when it ends). Each firing is a run named {@code <name>#<sequence>} with tags {@code trigger.reason},
 * {@code trigger.scheduled}, {@code trigger.fired}, {@code trigger.target} and {@code trigger.outcome}; searchable
 * like any run, e.g. {@code mlops.runs().search("mlops.triggers").filter("tags.`trigger.outcome` = 'FAILED'")}.
 */
package dev.mlops4j.trigger;
