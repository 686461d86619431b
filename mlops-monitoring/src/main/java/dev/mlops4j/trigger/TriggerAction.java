package dev.mlops4j.trigger;

/**
 * What a trigger starts: a pipeline run, a retraining job, anything. Called on the engine's executor, never on the
 * caller's thread; a {@link ConcurrencyPolicy} decides what happens when a firing arrives while an earlier one of the
 * same target is still running. An action that throws ends its firing FAILED (recorded with the error); the trigger
 * keeps firing. An action replaced or cancelled at shutdown is interrupted: long actions should honour interrupts.
 */
@FunctionalInterface
public interface TriggerAction {

    /**
     * @param firing why and when it fired
     * @throws Exception any failure, recorded on the firing
     */
    void run(Firing firing) throws Exception;
}
