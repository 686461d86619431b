package dev.mlops4j.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps trigger state and firings in memory: lost when the engine closes. */
final class MemoryTriggerStore implements TriggerStore {
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<Entry> firings = new ArrayList<>();

    private static final class Entry {
        final Firing firing;
        FiringOutcome outcome = FiringOutcome.PENDING;
        String error;

        Entry(Firing firing) {
            this.firing = firing;
        }
    }

    @Override
    public String loadState(String trigger) {
        return states.get(trigger);
    }

    @Override
    public void saveState(String trigger, String state) {
        states.put(trigger, state);
    }

    @Override
    public synchronized Object begin(Firing firing, String target) {
        Entry e = new Entry(firing);
        firings.add(e);
        return e;
    }

    @Override
    public synchronized void end(Object token, FiringOutcome outcome, Throwable error) {
        Entry e = (Entry) token;
        e.outcome = outcome;
        e.error = error == null ? null : MlopsTriggerStore.describe(error);
    }

    @Override
    public synchronized List<FiringRecord> history(String trigger) {
        List<FiringRecord> out = new ArrayList<>();
        for (Entry e : firings) {
            if (e.firing.trigger().equals(trigger)) {
                out.add(new FiringRecord(e.firing, e.outcome, Optional.ofNullable(e.error), Optional.empty()));
            }
        }
        return out;
    }
}
