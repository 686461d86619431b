package dev.mlops4j.monitoring;

/**
 * Receives a monitor's alerts and closed windows, on the thread that caused them (the serving handle's recording
 * thread, or the caller of {@code label}, {@code tick} or {@code flush}); keep it quick. A listener that throws is
 * logged and does not stop the others.
 */
@FunctionalInterface
public interface MonitorListener {

    /** @param alert a drift or performance alert */
    void onAlert(MonitorAlert alert);

    /** @param window a window that just closed (its drift known, labels possibly still to come) */
    default void onWindowClosed(WindowReport window) {
    }
}
