package dev.mlops4j.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A callback trigger: data producers call {@link #signal(String)} when data arrives; the engine fires at its next
 * wake-up (at once, unless debounced), with every item signalled since the last firing in one firing. Signals are
 * held in memory: what is signalled but not yet fired when the process dies is lost, so a producer that must not
 * lose arrivals should use a durable source such as {@link Trigger#onNewFiles}. Thread-safe. A signal belongs to one
 * trigger definition.
 */
public final class DataSignal implements Trigger {
    private final String name;
    private final List<String> pending = new ArrayList<>();
    private Runnable wake = () -> { };

    DataSignal(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Records an arrival and wakes the engine.
     *
     * @param item what arrived, e.g. a partition or file name (shown in the firing's reason)
     * @return this signal
     */
    public DataSignal signal(String item) {
        Objects.requireNonNull(item, "item");
        Runnable w;
        synchronized (this) {
            pending.add(item);
            w = wake;
        }
        w.run();
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

    /** Used by the engine: what to call on a signal. */
    synchronized void onSignal(Runnable newWake) {
        this.wake = Objects.requireNonNull(newWake, "wake");
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
