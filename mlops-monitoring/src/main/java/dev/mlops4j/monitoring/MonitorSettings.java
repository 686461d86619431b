package dev.mlops4j.monitoring;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.serving.PredictionRecord;
import dev.mlops4j.validation.drift.DriftDetector;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A monitor's configuration with its checks, filled by {@link PredictionMonitor.Builder} (which stays nested, as
 * users reach it through {@code PredictionMonitor.builder(...)}, and keeps only the fluent methods and their javadoc)
 * and read by the monitor's parts when it is built. Each check's message says what was wrong and how to fix it.
 *
 * <p>Not thread-safe, like the builder; the monitor only reads it in its constructor.
 */
final class MonitorSettings {
    final String model;
    WindowReference reference;
    boolean onlyModel;
    int onlyVersion;
    DriftDetector detector = DriftDetector.defaults();
    int windowCount;
    Duration windowDuration;
    Function<PredictionRecord, String> key;
    Gate performanceGate;
    long minLabels = 1;
    int retainWindows = 100;
    int pendingLabelLimit = 100_000;
    Clock clock = Clock.systemUTC();
    final List<MonitorListener> listeners = new ArrayList<>();
    boolean globalMeters;
    Executor analysis;
    int waitingWindowLimit = 4;
    Duration analysisTimeout = Duration.ofMinutes(1);

    MonitorSettings(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidInputException("the monitored model's name must not be blank");
        }
        this.model = model;
    }

    void onlyVersion(int version) {
        if (version < 1) {
            throw new InvalidInputException("a model version is at least 1, was " + version);
        }
        this.onlyModel = true;
        this.onlyVersion = version;
    }

    void windowOf(int count) {
        atLeast(1, count, "a count window needs at least 1 prediction, was ");
        if (windowDuration != null) {
            throw new InvalidInputException("windows are already by time (" + windowDuration
                    + "); choose a count or a duration, not both");
        }
        this.windowCount = count;
    }

    void windowOf(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.toMillis() < 1) {
            throw new InvalidInputException("a time window must last at least 1 ms, was " + duration);
        }
        if (windowCount > 0) {
            throw new InvalidInputException("windows are already by count (" + windowCount
                    + "); choose a count or a duration, not both");
        }
        this.windowDuration = duration;
    }

    void performanceGate(Gate gate, long minimumLabels) {
        this.performanceGate = Objects.requireNonNull(gate, "gate");
        atLeast(1, minimumLabels, "minimumLabels must be at least 1, was ");
        this.minLabels = minimumLabels;
    }

    void analysisTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new InvalidInputException("analysisTimeout must not be negative, was " + timeout);
        }
        this.analysisTimeout = timeout;
    }

    /** @throws InvalidInputException if the reference or the window size is missing */
    void checkComplete() {
        if (reference == null) {
            throw new InvalidInputException("monitor of '" + model + "' needs the training profile: call"
                    + " reference(Profile.readFrom(runs, trainingRunId)) or reference(detector.profile(table)),"
                    + " or reference(window -> ...) to choose one per window");
        }
        if (windowCount == 0 && windowDuration == null) {
            throw new InvalidInputException("monitor of '" + model + "' needs a window: windowOf(500) for counts"
                    + " or windowOf(Duration.ofHours(1)) for time");
        }
    }

    /** @return n, checked: the limits' one check, with a message that names the setting and the wrong value */
    static int atLeast(int least, int n, String message) {
        atLeast(least, (long) n, message);
        return n;
    }

    private static void atLeast(long least, long n, String message) {
        if (n < least) {
            throw new InvalidInputException(message + n);
        }
    }
}
