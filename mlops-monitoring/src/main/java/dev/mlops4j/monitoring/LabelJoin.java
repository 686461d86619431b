package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.Prediction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The label join: which prediction each key names and in which window it lives, labels that came before their
 * prediction, the joined and unmatched counts, and the performance labels give a window before it closes. Separate
 * from the monitor because it is the one part whose rules (kind checks, repeats, the pending limit, eviction) can be
 * tested without windows being cut or analysed.
 *
 * <p>Not thread-safe: guarded by the owning monitor's lock, and only called under it.
 */
final class LabelJoin {
    // The monitor's logger, so that applications configure one logger for everything a monitor says.
    private static final Logger LOG = LoggerFactory.getLogger(PredictionMonitor.class);
    // A waiting label joins the prediction just recorded, whose window is the open one: no report to update yet.
    private static final Consumer<ClosedWindow> OPEN_WINDOW = c -> {
    };

    private final String model;
    private final int pendingLabelLimit;
    private final Map<String, Joined> byKey = new HashMap<>();
    private final LinkedHashMap<String, Object> pendingLabels = new LinkedHashMap<>();
    // Labels that reach a window before it closes; merged into it when it closes.
    private final Map<OpenWindow, Performance> pendingPerformance = new HashMap<>();
    private long labelsJoined;
    private long labelsUnmatched;

    /** Where a key's prediction lives. */
    private static final class Joined {
        final Prediction prediction;
        Object window;     // OpenWindow or ClosedWindow
        boolean labelled;

        Joined(Prediction prediction, Object window) {
            this.prediction = prediction;
            this.window = window;
        }
    }

    /**
     * @param model the monitored model, in the messages
     * @param pendingLabelLimit labels that may wait for their prediction
     */
    LabelJoin(String model, int pendingLabelLimit) {
        this.model = model;
        this.pendingLabelLimit = pendingLabelLimit;
    }

    /** Keys a prediction just added to the open window, and joins the label that waited for it, if any. */
    void keyed(String joinKey, Prediction prediction, OpenWindow window) {
        window.keys.add(joinKey);
        Joined j = new Joined(prediction, window);
        byKey.put(joinKey, j);
        Object waiting = pendingLabels.remove(joinKey);
        if (waiting != null) {
            try {
                join(joinKey, j, waiting, OPEN_WINDOW);
            } catch (InvalidInputException wrongKind) {
                // The serving thread must not lose its batch over a bad label given earlier by someone else.
                labelsUnmatched++;
                LOG.warn("Monitor '{}': the waiting label for '{}' does not fit its prediction: {}", model,
                        joinKey, wrongKind.getMessage());
            }
        }
    }

    /**
     * @param actual the true class (a String) or value (a Double)
     * @param analysedWindowLabelled told of a window whose analysis is done when the label changes its performance
     * @return true if joined now, false if it waits for its prediction or was a repeat
     * @throws InvalidInputException if the label's kind does not fit the prediction
     */
    boolean label(String joinKey, Object actual, Consumer<ClosedWindow> analysedWindowLabelled) {
        Joined j = byKey.get(joinKey);
        if (j == null) {
            if (pendingLabelLimit == 0) {
                labelsUnmatched++; // no label may wait: this one cannot be joined
                return false;
            }
            if (pendingLabels.size() >= pendingLabelLimit) {
                pendingLabels.remove(pendingLabels.keySet().iterator().next());
                labelsUnmatched++;
            }
            pendingLabels.put(joinKey, actual);
            return false;
        }
        return join(joinKey, j, actual, analysedWindowLabelled);
    }

    private boolean join(String joinKey, Joined j, Object actual, Consumer<ClosedWindow> analysedWindowLabelled) {
        Prediction p = j.prediction;
        // The label's kind is checked first, so a wrong call fails even when the key was labelled already.
        if (actual instanceof String s && p.label() == null) {
            throw new InvalidInputException("label '" + s + "' for '" + joinKey + "' is a class, but model '" + model
                    + "' predicted a number (regression); pass the true value as a double");
        }
        if (actual instanceof Double && (p.label() != null || p.values().size() != 1)) {
            throw new InvalidInputException("numeric label for '" + joinKey + "', but model '" + model + "' predicted "
                    + (p.label() != null ? "the class '" + p.label() + "'; pass the true class as a String"
                    : p.values().size() + " values " + p.values().keySet() + "; a numeric label needs one value"));
        }
        if (j.labelled) {
            LOG.debug("Monitor '{}': a second label for '{}' is ignored", model, joinKey);
            return false;
        }
        Performance before = j.window instanceof ClosedWindow c ? c.performance
                : pendingPerformance.getOrDefault(j.window, Performance.NONE);
        Performance after = actual instanceof String s ? before.withClassified(p.label().equals(s))
                : before.withRegressed(p.value() - (Double) actual);
        j.labelled = true;
        labelsJoined++;
        if (j.window instanceof ClosedWindow c) {
            c.performance = after;
            if (c.analysed) {
                // Before its analysis the window has no report yet; the analysis publishes these labels with it.
                analysedWindowLabelled.accept(c);
            }
        } else {
            pendingPerformance.put((OpenWindow) j.window, after);
        }
        return true;
    }

    /** Moves the labels and keys of a window that just closed to its closed form. */
    void closed(OpenWindow o, ClosedWindow c) {
        Performance early = pendingPerformance.remove(o);
        c.performance = early == null ? Performance.NONE : early;
        for (String k : c.keys) {
            Joined j = byKey.get(k);
            if (j != null && j.window == o) {
                j.window = c;
            }
        }
    }

    /** Forgets the keys of a window no longer retained: a later label for them waits as if unseen. */
    void evicted(ClosedWindow evicted) {
        for (String k : evicted.keys) {
            Joined j = byKey.get(k);
            if (j != null && j.window == evicted) {
                byKey.remove(k);
            }
        }
    }

    /** @return labels joined to a prediction */
    long joined() {
        return labelsJoined;
    }

    /** @return labels waiting for their prediction */
    long pending() {
        return pendingLabels.size();
    }

    /** @return labels given up */
    long unmatched() {
        return labelsUnmatched;
    }
}
