package dev.mlops4j.monitoring;

import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.mlops4j.serving.PredictionRecord;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MonitorMetersTest {

    @Test
    void bindTo_exposesCountsDriftShareAndLiveAccuracy() {
        List<Weather> all = Weather.read();
        Profile reference = DriftDetector.defaults().profile(PredictionMonitorTest.table(Weather.year(all, 2012)));
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(100)
                .key(r -> r.at().toString()).analysisExecutor(Runnable::run).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MonitorMeters(monitor).bindTo(registry);
        assertThat(registry.get("mlops.monitor.accuracy").tag("model", "weather").gauge().value()).isNaN();

        List<Weather> days = Weather.year(all, 2013).subList(0, 250);
        PredictionMonitorTest.feed(monitor, days, true);
        assertThat(registry.get("mlops.monitor.predictions").tag("model", "weather").functionCounter().count())
                .isEqualTo(250);
        assertThat(registry.get("mlops.monitor.windows").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("mlops.monitor.window.open").gauge().value()).isEqualTo(50);
        assertThat(registry.get("mlops.monitor.drift.share").gauge().value())
                .isEqualTo(monitor.latestDrift().driftShare());
        assertThat(registry.get("mlops.monitor.alerts").tag("kind", "drift").functionCounter().count())
                .isEqualTo(monitor.alertCount(MonitorAlert.Kind.DRIFT));

        for (Weather d : days.subList(100, 200)) {
            monitor.label(d.at().toString(), d.weather());
        }
        double accuracy = days.subList(100, 200).stream().filter(d -> d.ruleLabel().equals(d.weather())).count() / 100.0;
        assertThat(registry.get("mlops.monitor.accuracy").gauge().value()).isEqualTo(accuracy);
        assertThat(registry.get("mlops.monitor.labels").functionCounter().count()).isEqualTo(100);
        assertThat(registry.get("mlops.monitor.rmse").gauge().value()).isNaN();
    }

    @Test
    void bindTo_countsRecordsOfAnotherModelAsIgnored() {
        List<Weather> all = Weather.read();
        Profile reference = DriftDetector.defaults().profile(PredictionMonitorTest.table(Weather.year(all, 2012)));
        PredictionMonitor monitor = PredictionMonitor.builder("weather").reference(reference).windowOf(30).onlyModel()
                .analysisExecutor(Runnable::run).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MonitorMeters(monitor).bindTo(registry);
        List<PredictionRecord> batch = new ArrayList<>();
        for (Weather d : Weather.year(all, 2013).subList(0, 40)) {
            batch.add(d.classified());
            batch.add(d.regressed()); // model 'temp': not this monitor's
        }
        monitor.accept(batch);
        assertThat(monitor.recordsIgnored()).isEqualTo(40);
        assertThat(registry.get("mlops.monitor.records.ignored").tag("model", "weather").functionCounter().count())
                .isEqualTo(40);
        assertThat(registry.get("mlops.monitor.predictions").functionCounter().count()).isEqualTo(40);
    }

    @Test
    void publishMeters_registersInTheGlobalRegistryWhenMicrometerIsPresent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try {
            List<Weather> all = Weather.read();
            Profile reference = DriftDetector.defaults().profile(PredictionMonitorTest.table(Weather.year(all, 2012)));
            PredictionMonitor monitor = PredictionMonitor.builder("global-weather").reference(reference).windowOf(10)
                    .publishMeters().build();
            PredictionMonitorTest.feed(monitor, Weather.year(all, 2013).subList(0, 25), true);
            assertThat(registry.get("mlops.monitor.predictions").tag("model", "global-weather").functionCounter()
                    .count()).isEqualTo(25);
        } finally {
            Metrics.removeRegistry(registry);
            for (Meter m : List.copyOf(Metrics.globalRegistry.getMeters())) {
                if ("global-weather".equals(m.getId().getTag("model"))) {
                    Metrics.globalRegistry.remove(m);
                }
            }
        }
    }
}
