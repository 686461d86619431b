package dev.mlops4j.monitoring;

import org.slf4j.event.Level;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.SubstituteServiceProvider;

import java.util.List;

/**
 * An SLF4J provider for this module's tests only (registered in the test class path's service file; the library binds
 * no logger), so that a test can check what a monitor logs. As mlops-core's tests do, but with SLF4J's own
 * substitute provider, whose loggers keep every event at every level in memory and print nothing.
 */
public final class RecordedLogs extends SubstituteServiceProvider {
    private static volatile RecordedLogs current;

    /** Called by SLF4J's ServiceLoader. */
    public RecordedLogs() {
        current = this;
    }

    /**
     * One logging call.
     *
     * @param level the level
     * @param message the message with its arguments filled in
     */
    public record Line(Level level, String message) {
    }

    /**
     * @param type the class whose logger is of interest
     * @return what it logged so far (from any thread), oldest first
     */
    public static List<Line> of(Class<?> type) {
        RecordedLogs provider = current;
        if (provider == null) {
            return List.of();   // nothing has logged yet
        }
        return provider.getSubstituteLoggerFactory().getEventQueue().stream()
                .filter(e -> e.getLoggerName().equals(type.getName()))
                .map(e -> new Line(e.getLevel(), MessageFormatter.basicArrayFormat(e.getMessage(), e.getArgumentArray())))
                .toList();
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
