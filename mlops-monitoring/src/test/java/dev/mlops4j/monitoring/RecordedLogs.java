package dev.mlops4j.monitoring;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.EventRecordingLogger;
import org.slf4j.event.Level;
import org.slf4j.event.SubstituteLoggingEvent;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.helpers.SubstituteLogger;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An SLF4J provider for this module's tests only (registered in the test class path's service file; the library binds
 * no logger), so that a test can check what a monitor logs. As mlops-core's tests do, but built on SLF4J's own
 * {@link EventRecordingLogger}: every event at every level is kept in memory and nothing is printed.
 */
public final class RecordedLogs implements SLF4JServiceProvider {
    private static final Queue<SubstituteLoggingEvent> EVENTS = new ConcurrentLinkedQueue<>();

    private final ILoggerFactory factory = name -> new EventRecordingLogger(new SubstituteLogger(name, EVENTS, true),
            EVENTS);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Called by SLF4J's ServiceLoader. */
    public RecordedLogs() {
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
        return EVENTS.stream().filter(e -> e.getLoggerName().equals(type.getName()))
                .map(e -> new Line(e.getLevel(), MessageFormatter.basicArrayFormat(e.getMessage(), e.getArgumentArray())))
                .toList();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }
}
