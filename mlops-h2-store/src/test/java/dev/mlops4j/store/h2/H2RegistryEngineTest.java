package dev.mlops4j.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.model.ClassAllowList;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.model.ModelArtifacts;
import dev.mlops4j.model.ModelFiles;
import dev.mlops4j.model.ModelFlavor;
import dev.mlops4j.model.ModelFlavors;
import dev.mlops4j.model.ModelFormat;
import dev.mlops4j.model.ModelSignature;
import dev.mlops4j.model.ModelTask;
import dev.mlops4j.model.Prediction;
import dev.mlops4j.model.SavedModel;
import dev.mlops4j.registry.AuditAction;
import dev.mlops4j.registry.AuditEntry;
import dev.mlops4j.registry.PromotionOutcome;
import dev.mlops4j.serving.ModelHandle;
import dev.mlops4j.serving.ServingOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry and serving through the engine on the embedded H2 store: state survives reopening, and a handle in
 * one instance follows an alias moved by another instance on the same file (by polling; events stay in-process).
 */
class H2RegistryEngineTest {
    @TempDir
    Path home;

    /** A constant model: enough to tell versions apart by their predictions. */
    static final class ConstantFlavor implements ModelFlavor {
        record Constant(double value) {
        }

        @Override
        public String id() {
            return "constant";
        }

        @Override
        public ModelFormat format() {
            return new ModelFormat("constant.txt", "text/plain", "the constant");
        }

        @Override
        public ClassAllowList defaultAllowList() {
            return ClassAllowList.of(Constant.class.getName());
        }

        @Override
        public boolean canSave(Object model) {
            return model instanceof Constant;
        }

        @Override
        public SavedModel save(Object model) {
            return new SavedModel(Constant.class.getName(), ModelTask.REGRESSION, Map.of("constant.txt",
                    Double.toString(((Constant) model).value()).getBytes(StandardCharsets.UTF_8)), Map.of());
        }

        @Override
        public LoadedModel load(ModelFiles files, ClassAllowList allowList) {
            double value = Double.parseDouble(new String(files.read("constant.txt"), StandardCharsets.UTF_8));
            return new LoadedModel() {
                @Override
                public String flavor() {
                    return "constant";
                }

                @Override
                public String modelClass() {
                    return Constant.class.getName();
                }

                @Override
                public ModelSignature signature() {
                    return new ModelSignature(List.of("x"), ModelTask.REGRESSION, List.of("y"), false);
                }

                @Override
                public Prediction predict(Map<String, ? extends Number> features) {
                    return new Prediction(null, Map.of("y", value), false);
                }

                @Override
                public <T> T unwrap(Class<T> type) {
                    return type.cast(new Constant(value));
                }
            };
        }
    }

    private static String trained(Mlops mlops, double value, double accuracy) {
        try (Run run = mlops.experiment("h2").startRun("v" + value)) {
            ModelArtifacts.log(run, "model", new ConstantFlavor(), new ConstantFlavor.Constant(value));
            run.logMetric("accuracy", accuracy);
            return run.id();
        }
    }

    @Test
    void registryAndServing_onH2_surviveReopenAndFollowMovesOfAnotherInstance() throws Exception {
        Gate gate = Gate.metric("accuracy").notWorseThanChampion().named("release");
        try (Mlops alice = Mlops.builder().home(home).user("alice").build()) {
            alice.models().register("m", trained(alice, 1, 0.8));
            alice.models().promote("m", 1).to("production").requiring(gate).because("first").throwIfRejected();
        }

        try (Mlops server = Mlops.builder().home(home).user("server").build();
             Mlops bob = Mlops.builder().home(home).user("bob").build()) {
            ServingOptions options = ServingOptions.builder().pollInterval(Duration.ofMillis(20))
                    .flavors(ModelFlavors.of(new ConstantFlavor())).build();
            try (ModelHandle handle = server.models().serve("m", "production", options)) {
                assertThat(handle.predict(Map.of("x", 0.0)).value()).isEqualTo(1.0);

                bob.models().register("m", trained(bob, 2, 0.79));
                assertThat(bob.models().promote("m", 2).to("production").requiring(gate).because("worse").outcome())
                        .isEqualTo(PromotionOutcome.REJECTED_BY_GATE);
                bob.models().register("m", trained(bob, 3, 0.81));
                assertThat(bob.models().promote("m", 3).to("production").requiring(gate).because("better").outcome())
                        .isEqualTo(PromotionOutcome.PROMOTED);

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (handle.version().version() != 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(handle.version().version()).isEqualTo(3);
                assertThat(handle.predict(Map.of("x", 0.0)).value()).isEqualTo(3.0);
            }
            assertThat(server.models().auditTrail("m")).extracting(e -> e.action() + " " + e.user()
                    + (e.version() == null ? "" : " v" + e.version())).containsExactly("MODEL_CREATED alice",
                    "VERSION_REGISTERED alice v1", "ALIAS_MOVED alice v1", "VERSION_REGISTERED bob v2",
                    "PROMOTION_REJECTED bob v2", "VERSION_REGISTERED bob v3", "ALIAS_MOVED bob v3");
            List<AuditEntry> moves = server.models().audit(dev.mlops4j.registry.AuditFilter.builder().model("m")
                    .action(AuditAction.ALIAS_MOVED).build());
            assertThat(moves.get(1).previousVersion()).isEqualTo(1);
            assertThat(server.models().version("m", 3).gateResults()).containsKey("release");
        }
    }
}
