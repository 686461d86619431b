package dev.mlops4j.trigger;

import java.util.ArrayList;
import java.util.List;

/** An action that remembers its firings. */
final class Recorder implements TriggerAction {
    final List<Firing> firings = new ArrayList<>();

    @Override
    public synchronized void run(Firing firing) {
        firings.add(firing);
    }

    synchronized List<Firing> firings() {
        return List.copyOf(firings);
    }

    synchronized List<java.time.Instant> scheduled() {
        return firings.stream().map(Firing::scheduledFor).toList();
    }
}
