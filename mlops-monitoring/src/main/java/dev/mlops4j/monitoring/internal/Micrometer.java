package dev.mlops4j.monitoring.internal;

import dev.mlops4j.monitoring.PredictionMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether Micrometer is on the class path without loading any class that links to it, and only then
 * loads the binder. Not API.
 */
public final class Micrometer {
    private static final Logger LOG = LoggerFactory.getLogger(Micrometer.class);
    private static final boolean PRESENT = present();

    private Micrometer() {
    }

    private static boolean present() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, Micrometer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** @return true if Micrometer can be used */
    public static boolean isPresent() {
        return PRESENT;
    }

    /**
     * Binds the monitor's meters to Micrometer's global registry if Micrometer is present.
     *
     * @param monitor the monitor
     * @return true if bound
     */
    public static boolean bindGlobal(PredictionMonitor monitor) {
        if (!PRESENT) {
            LOG.debug("Micrometer is not on the class path; monitor '{}' publishes no meters", monitor.model());
            return false;
        }
        GlobalBinding.bind(monitor);
        return true;
    }

    /** Links to Micrometer; loaded only after the check above. */
    private static final class GlobalBinding {
        static void bind(PredictionMonitor monitor) {
            new dev.mlops4j.monitoring.MonitorMeters(monitor).bindTo(io.micrometer.core.instrument.Metrics.globalRegistry);
        }
    }
}
