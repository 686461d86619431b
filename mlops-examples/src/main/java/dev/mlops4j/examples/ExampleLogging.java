package dev.mlops4j.examples;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Quiets the libraries' logs when an example runs from {@code main}, so that what the story prints is not
 * interleaved with log lines repeating it: per-request out-of-domain warnings of the serving handle, per-window
 * monitoring alerts, Tribuo's training chatter. A system property set on the command line wins.
 */
final class ExampleLogging {
    /** JUL keeps loggers weakly: without this reference the level set on Tribuo's logger could be forgotten. */
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private ExampleLogging() {
    }

    /** Call first in {@code main}, before anything logs: slf4j-simple reads its configuration once. */
    static void quiet() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.dev.mlops4j.core.internal.registry.CoreModelHandle", "error");
            System.setProperty("org.slf4j.simpleLogger.log.dev.mlops4j.monitoring", "error");
        }
        TRIBUO.setLevel(Level.WARNING);
    }
}
