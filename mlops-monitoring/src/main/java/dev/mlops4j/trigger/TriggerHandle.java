package dev.mlops4j.trigger;

import java.util.List;
import java.util.Optional;

/** A registered trigger: its progress and history. Thread-safe. From {@link TriggerDefinition#start}. */
public interface TriggerHandle {

    /** @return the trigger's name */
    String name();

    /** @return how many times it fired over its life, across restarts */
    long runs();

    /** @return the latest firing since this handle started, if any */
    Optional<Firing> lastFiring();

    /** @return true once it will not fire again (end passed, maximum runs reached, or cancelled) */
    boolean finished();

    /** @return its recorded firings and their outcomes, oldest first */
    List<FiringRecord> history();

    /** Stops watching; firings already queued or running go on. Idempotent. */
    void cancel();
}
