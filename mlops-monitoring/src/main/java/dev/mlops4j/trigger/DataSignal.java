package dev.mlops4j.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A callback trigger: data producers call {@link #signal(String)} when data arrives; the engine fires at its next
 * wake-up (at once, unless debounced), with every item signalled since the last firing in one firing. Once the signal
 * belongs to a started trigger of an engine with a {@link Triggers.Builder#store(dev.mlops4j.Mlops) store}, an item is
 * written there before {@code signal} returns, and consumed in the same write that records its firing: a restarted
 * application fires for the items signalled before the crash and never twice for one. Items signalled before the
 * trigger starts are held in memory until it does. The items not yet fired share the trigger's state, one store tag
 * of at most 8,000 characters: signal short names (a partition, a batch id), not payloads. Thread-safe. A signal
 * belongs to one trigger definition.
 */
public final class DataSignal implements Trigger {
    private final String name;
    private final List<String> pending = new ArrayList<>();
    private Consumer<String> intake = this::append;

    DataSignal(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Records an arrival and wakes the engine.
     *
     * @param item what arrived, e.g. a partition or file name (shown in the firing's reason)
     * @return this signal
     * @throws dev.mlops4j.StoreException if the engine's store could not record the item; it is then not recorded at
     *     all, and the producer may signal it again
     * @throws dev.mlops4j.InvalidInputException if the items not yet fired would no longer fit in the trigger's stored
     *     state; the item is not recorded
     */
    public DataSignal signal(String item) {
        Objects.requireNonNull(item, "item");
        Consumer<String> to;
        synchronized (this) {
            to = intake;
        }
        // Outside this signal's lock: the engine's intake takes the engine's lock, which is always taken first.
        to.accept(item);
        return this;
    }

    /** @return the items signalled and not yet consumed by a firing */
    public synchronized List<String> pending() {
        return List.copyOf(pending);
    }

    /** @return the name shown in reasons */
    public String name() {
        return name;
    }

    /** Used by the engine: what {@link #signal} hands an item to (it records it, then wakes the engine). */
    synchronized void onSignal(Consumer<String> newIntake) {
        this.intake = Objects.requireNonNull(newIntake, "intake");
    }

    /** Used by the engine: holds an item until a firing consumes it. */
    synchronized void append(String item) {
        pending.add(item);
    }

    /** Used by the engine: drops the newest item, which could not be recorded. */
    synchronized void dropLast(String item) {
        int i = pending.lastIndexOf(item);
        if (i >= 0) {
            pending.remove(i);
        }
    }

    /** Used by the engine: puts items back before the others (restored after a restart, or an undone firing). */
    synchronized void prepend(List<String> items) {
        pending.addAll(0, items);
    }

    /** Used by the engine: takes the first {@code count} pending items. */
    synchronized List<String> take(int count) {
        List<String> taken = new ArrayList<>(pending.subList(0, Math.min(count, pending.size())));
        pending.subList(0, taken.size()).clear();
        return taken;
    }

    @Override
    public String describe() {
        return "signal '" + name + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
