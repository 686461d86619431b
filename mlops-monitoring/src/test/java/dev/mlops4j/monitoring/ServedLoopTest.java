package dev.mlops4j.monitoring;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.registry.ModelRegistry;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.trigger.ConcurrencyPolicy;
import dev.mlops4j.trigger.Firing;
import dev.mlops4j.trigger.FiringOutcome;
import dev.mlops4j.trigger.FiringRecord;
import dev.mlops4j.trigger.ManualScheduler;
import dev.mlops4j.trigger.Trigger;
import dev.mlops4j.trigger.Triggers;
import dev.mlops4j.validation.drift.DriftDetector;
import dev.mlops4j.validation.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Served predictions, recorded by a real serving handle on a real H2 store, monitored month by month, with the
 * drift and live-RMSE triggers firing a retraining callback: the monitoring half of the continuous-training loop.
 */
class ServedLoopTest {
    static final int MONTH = 30;

    @Test
    void servedPredictions_monitoredPerWindow_fireDriftAndQualityTriggers(@TempDir Path home) {
        List<Weather> all = Weather.read();
        List<Weather> training = Weather.year(all, 2012);
        List<Weather> served = new ArrayList<>(Weather.year(all, 2013));
        served.addAll(Weather.year(all, 2014));
        OffsetFlavor flavor = new OffsetFlavor();
        OffsetFlavor.Offset model = OffsetFlavor.Offset.fit(training);
        double trainingRmse = Math.sqrt(training.stream()
                .mapToDouble(d -> Math.pow(model.predict(d.tempMin()) - d.tempMax(), 2)).average().orElseThrow());

        Profile reference = DriftDetector.defaults().profile(PredictionMonitorTest.table(training));
        // Records reach the sink in prediction order from one thread, so the n-th record is the n-th served day.
        AtomicLong arrival = new AtomicLong();
        PredictionMonitor monitor = PredictionMonitor.builder("temp").reference(reference).windowOf(MONTH)
                .key(r -> Long.toString(arrival.getAndIncrement())).analysisExecutor(Runnable::run).build();

        ManualScheduler time = ManualScheduler.startingAt(Instant.parse("2015-01-01T00:00:00Z"));
        List<Firing> retrainings = new ArrayList<>();
        try (Mlops mlops = Mlops.open(home);
             Triggers triggers = Triggers.builder().scheduler(time).executor(Runnable::run).store(mlops)
                     .pollInterval(Duration.ofMinutes(1)).build()) {
            ModelRegistry registry = mlops.models();
            String runId;
            try (Run run = mlops.experiment("temp").startRun("offset 2012")) {
                ModelArtifacts.log(run, "model", flavor, model);
                run.logMetric("rmse", trainingRmse);
                runId = run.id();
            }
            registry.promote("temp", registry.register("temp", runId).version()).to("production").because("baseline");

            triggers.define("retrain-on-drift").when(Trigger.onDrift(monitor::latestDrift, 0.5))
                    .target("retrain").concurrency(ConcurrencyPolicy.queue(1)).start(retrainings::add);
            triggers.define("retrain-on-quality").when(Trigger.onGateFailure(
                            Gate.metric("rmse").atMost(trainingRmse).named("live-rmse"), monitor::latestMetrics))
                    .target("retrain").start(retrainings::add);

            ServingOptions options = ServingOptions.builder().flavors(ModelFlavors.of(flavor)).recordTo(monitor)
                    .sampleRate(1.0).pollInterval(Duration.ZERO).build();
            for (int from = 0; from + MONTH <= served.size(); from += MONTH) {
                List<Weather> month = served.subList(from, from + MONTH);
                // Closing the handle delivers every queued record to the monitor: no waiting on a background thread.
                try (ModelHandle handle = registry.serve("temp", "production", options)) {
                    for (Weather d : month) {
                        handle.predict(d.features());
                    }
                }
                for (int i = 0; i < MONTH; i++) {       // the true maxima, known once the month is over
                    assertThat(monitor.label(Integer.toString(from + i), month.get(i).tempMax())).isTrue();
                }
                time.advanceBy(Duration.ofMinutes(1));
            }

            List<WindowReport> windows = monitor.windows();
            assertThat(windows).hasSize(served.size() / MONTH);
            long drifted = windows.stream().filter(w -> w.drift().orElseThrow().driftShare() >= 0.5).count();
            long tooInaccurate = windows.stream().filter(w -> w.performance().rmse().getAsDouble() > trainingRmse).count();
            for (WindowReport w : windows) {
                int from = (int) w.index() * MONTH;
                double sq = 0;
                for (Weather d : served.subList(from, from + MONTH)) {
                    sq += Math.pow(model.predict(d.tempMin()) - d.tempMax(), 2);
                }
                assertThat(w.performance().rmse().getAsDouble()).isCloseTo(Math.sqrt(sq / MONTH),
                        org.assertj.core.api.Assertions.within(1e-9));
            }
            assertThat(drifted).isPositive().isLessThan(windows.size());
            assertThat(tooInaccurate).isPositive().isLessThan(windows.size());

            List<FiringRecord> onDrift = triggers.history("retrain-on-drift");
            List<FiringRecord> onQuality = triggers.history("retrain-on-quality");
            assertThat(onDrift).hasSize((int) drifted).allMatch(r -> r.outcome() == FiringOutcome.COMPLETED)
                    .allSatisfy(r -> assertThat(r.firing().reason()).startsWith("drift in"));
            assertThat(onQuality).hasSize((int) tooInaccurate)
                    .allSatisfy(r -> assertThat(r.firing().reason()).startsWith("gate 'live-rmse' failed"));
            assertThat(retrainings).hasSize((int) (drifted + tooInaccurate));
            assertThat(mlops.runs().search("mlops.triggers").list()).hasSize((int) (drifted + tooInaccurate));
        }
    }
}
