package dev.mlops4j.core.logging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J provider for mlops-core's tests only (registered in the test class path's service file), so that tests
 * can check what the engine logs. The library itself never binds a logger; this keeps the events of each thread in
 * memory, at every level, and prints nothing.
 */
public final class CapturedLogs implements SLF4JServiceProvider {
    /** Bounds memory if a test logs in a loop; the tests that read events log a handful. */
    private static final int MAX_EVENTS_PER_THREAD = 10_000;
    private static final ThreadLocal<List<Event>> EVENTS = ThreadLocal.withInitial(ArrayList::new);

    /**
     * One logging call.
     *
     * @param logger the logger's name
     * @param level the level
     * @param message the formatted message
     */
    public record Event(String logger, Level level, String message) {
    }

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Called by SLF4J's ServiceLoader. */
    public CapturedLogs() {
    }

    /** Forgets the events the current thread has logged so far. */
    public static void clear() {
        EVENTS.get().clear();
    }

    /**
     * @param loggerName the name of the logger of interest (its class's name)
     * @return what the current thread logged through that logger since the last {@link #clear()}, oldest first
     */
    public static List<Event> of(String loggerName) {
        return EVENTS.get().stream().filter(e -> e.logger().equals(loggerName)).toList();
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

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String name) {
            this.name = name;
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern, Object[] arguments,
                                                   Throwable throwable) {
            List<Event> events = EVENTS.get();
            if (events.size() < MAX_EVENTS_PER_THREAD) {
                events.add(new Event(name, level, MessageFormatter.basicArrayFormat(messagePattern, arguments)));
            }
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
