package dev.mlops4j.monitoring;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Micrometer is optional: a class path without it must still monitor, and publishMeters must do nothing. */
class WithoutMicrometerTest {

    @Test
    void monitor_withoutMicrometerOnTheClassPath_worksAndPublishesNothing() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.contains("micrometer") && !entry.contains("HdrHistogram") && !entry.contains("LatencyUtils")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            Class<?> scenario = loader.loadClass(Scenario.class.getName());
            Method run = scenario.getMethod("run");
            assertThat(run.invoke(null)).isEqualTo("false 25 2");
        }
    }

    /** Runs inside the class loader without Micrometer. */
    public static final class Scenario {
        private Scenario() {
        }

        /** @return whether Micrometer was found, predictions recorded, windows closed */
        public static String run() {
            List<Weather> all = Weather.read();
            var reference = dev.mlops4j.validation.drift.DriftDetector.defaults()
                    .profile(PredictionMonitorTest.table(Weather.year(all, 2012)));
            PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(10)
                    .publishMeters().build();
            PredictionMonitorTest.feed(monitor, Weather.year(all, 2013).subList(0, 25), true);
            return dev.mlops4j.monitoring.internal.Micrometer.isPresent() + " " + monitor.predictionCount() + " "
                    + monitor.windowCount();
        }
    }
}
