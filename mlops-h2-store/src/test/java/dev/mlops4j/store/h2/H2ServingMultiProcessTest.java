package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServedPrediction;
import dev.mlops4j.serving.ServingOptions;
import dev.mlops4j.tck.ChildJvm;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handle in this JVM follows an alias that another JVM moves, through an H2 home shared in AUTO_SERVER mode: the
 * registry event never reaches this process, so polling must notice the move, and the swap must not fail any of the
 * predictions running meanwhile.
 */
class H2ServingMultiProcessTest {
    @TempDir
    Path home;

    private static String trained(Mlops mlops, double value) {
        try (Run run = mlops.experiment("h2").startRun("v" + value)) {
            ModelArtifacts.log(run, "model", new H2RegistryEngineTest.ConstantFlavor(),
                    new H2RegistryEngineTest.ConstantFlavor.Constant(value));
            return run.id();
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void serve_aliasMovedByAnotherProcess_pollingSwitchesWithoutFailingPredictions() throws Exception {
        try (Mlops server = Mlops.builder().home(home).storeProperty(H2MetadataStore.AUTO_SERVER, "true")
                .user("server").build()) {
            server.models().register("m", trained(server, 1));
            server.models().register("m", trained(server, 2));
            server.models().promote("m", 1).to("production").because("first").throwIfRejected();
            ServingOptions options = ServingOptions.builder().pollInterval(Duration.ofMillis(20))
                    .flavors(ModelFlavors.of(new H2RegistryEngineTest.ConstantFlavor())).build();

            try (ModelHandle handle = server.models().serve("m", "production", options)) {
                List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
                Map<Integer, AtomicInteger> byVersion = new ConcurrentHashMap<>();
                AtomicInteger mismatches = new AtomicInteger();
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> load = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    Thread thread = new Thread(() -> {
                        while (running.get()) {
                            try {
                                ServedPrediction p = handle.predictDetailed(Map.of("x", 0.0));
                                // Version n of the constant model predicts n: each answer must be its version's.
                                if (p.prediction().value() != p.version().version()) {
                                    mismatches.incrementAndGet();
                                }
                                byVersion.computeIfAbsent(p.version().version(), v -> new AtomicInteger())
                                        .incrementAndGet();
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        }
                    });
                    thread.start();
                    load.add(thread);
                }

                Process child = ChildJvm.start(ServingChildPromoter.class, home.toString(), "2");
                assertThat(ChildJvm.readLine(child)).isEqualTo("READY");
                try (Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                    go.write("go\n");
                }
                assertThat(ChildJvm.readLine(child)).isEqualTo("DONE PROMOTED");
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isZero();

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (byVersion.getOrDefault(2, new AtomicInteger()).get() < 100 && failures.isEmpty()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                running.set(false);
                for (Thread thread : load) {
                    thread.join(30_000);
                }

                assertThat(failures).as("predictions failed during the cross-process swap").isEmpty();
                assertThat(handle.version().version()).isEqualTo(2);
                assertThat(mismatches.get()).as("answers not from the version that served them").isZero();
                assertThat(byVersion.keySet()).containsExactlyInAnyOrder(1, 2);
                assertThat(byVersion.get(2).get()).isGreaterThanOrEqualTo(100);
                assertThat(handle.stats().swaps()).isEqualTo(1);
                assertThat(handle.stats().refreshFailures()).isZero();
            }
            List<AuditEntry> moves = server.models().auditTrail("m").stream()
                    .filter(e -> e.action() == AuditAction.ALIAS_MOVED).toList();
            assertThat(moves).extracting(AuditEntry::user, AuditEntry::version, AuditEntry::reason).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("server", 1, "first"),
                    org.assertj.core.groups.Tuple.tuple("ops", 2, "promoted from another process"));
        }
    }
}
