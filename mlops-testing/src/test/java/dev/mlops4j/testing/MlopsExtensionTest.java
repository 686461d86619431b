package dev.mlops4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.StoreException;
import dev.mlops4j.tracking.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs small sample test classes through the JUnit engine and checks, after they finished, what the extension
 * did: which instance each test got, and that it was closed and its directory deleted. The samples are static
 * nested classes, so the build does not run them on their own.
 */
class MlopsExtensionTest {
    /** What the samples saw, in order; reset before each engine run. */
    static final List<Observation> SEEN = new CopyOnWriteArrayList<>();

    record Observation(String where, Mlops mlops, Optional<Path> home, boolean homeExisted) {
        static Observation of(String where, Mlops mlops) {
            Optional<Path> home = mlops.home();
            return new Observation(where, mlops, home, home.map(Files::isDirectory).orElse(false));
        }
    }

    private static EngineExecutionResults runSample(Class<?> sample) {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
        return results;
    }

    private static List<Observation> seen(String where) {
        return SEEN.stream().filter(o -> o.where().equals(where)).toList();
    }

    private static void assertClosed(Mlops mlops) {
        assertThatThrownBy(mlops::experiments).as("an instance used after its test").isInstanceOf(StoreException.class);
    }

    // ---------------------------------------------------------------- default: in memory, fresh per test

    @ExtendWith(MlopsExtension.class)
    static class InMemorySample {
        @BeforeEach
        void before(Mlops mlops) {
            SEEN.add(Observation.of("before", mlops));
        }

        @Test
        void first(Mlops mlops) {
            SEEN.add(Observation.of("test", mlops));
            assertThat(mlops.experiments()).isEmpty();
            mlops.experiment("sample").run("run", run -> run.logMetric("m", 1));
        }

        @Test
        void second(Mlops mlops) {
            SEEN.add(Observation.of("test", mlops));
            assertThat(mlops.experiments()).isEmpty();
            mlops.experiment("sample").run("run", run -> run.logMetric("m", 2));
        }

        @AfterEach
        void after(Mlops mlops) {
            SEEN.add(Observation.of("after", mlops));
            assertThat(mlops.experiments()).hasSize(1);
        }
    }

    @Test
    void extendWith_twoTests_eachGetsAFreshInMemoryInstanceClosedAfterIt() {
        runSample(InMemorySample.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        List<Observation> tests = seen("test");
        assertThat(tests).hasSize(2);
        assertThat(tests.get(0).mlops()).isNotSameAs(tests.get(1).mlops());
        assertThat(tests).allSatisfy(o -> assertThat(o.home()).isEmpty());
        for (int i = 0; i < 2; i++) {
            assertThat(seen("before").get(i).mlops()).isSameAs(tests.get(i).mlops());
            assertThat(seen("after").get(i).mlops()).isSameAs(tests.get(i).mlops());
            assertClosed(tests.get(i).mlops());
        }
    }

    // ---------------------------------------------------------------- temporary H2, chosen by annotations

    @ExtendWith(MlopsExtension.class)
    @MlopsStore(StoreKind.TEMPORARY_H2)
    static class TemporaryH2Sample {
        @Test
        void onDisk(Mlops mlops) {
            SEEN.add(Observation.of("h2", mlops));
            try (Run run = mlops.experiment("sample").startRun("run")) {
                run.logParam("p", "v").logMetric("m", 0.5);
            }
            assertThat(mlops.runs().search("sample").list()).hasSize(1);
        }

        @Test
        @MlopsStore(StoreKind.IN_MEMORY)
        void methodAnnotationWins(Mlops mlops) {
            SEEN.add(Observation.of("memory", mlops));
        }

        @Nested
        class Inner {
            @Test
            void inheritsTheEnclosingClassChoice(Mlops mlops) {
                SEEN.add(Observation.of("nested", mlops));
            }
        }
    }

    @Test
    void mlopsStore_temporaryH2_usesATemporaryDirectoryDeletedAfterTheTest() {
        runSample(TemporaryH2Sample.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        for (String where : List.of("h2", "nested")) {
            Observation o = seen(where).get(0);
            assertThat(o.home()).as(where).isPresent();
            assertThat(o.homeExisted()).as("directory existed during the test (%s)", where).isTrue();
            assertThat(o.home().get()).as("directory after the test (%s)", where).doesNotExist();
            assertClosed(o.mlops());
        }
        assertThat(seen("h2").get(0).home()).isNotEqualTo(seen("nested").get(0).home());
        assertThat(seen("memory").get(0).home()).isEmpty();
    }

    @ExtendWith(MlopsExtension.class)
    @MlopsStore(StoreKind.TEMPORARY_H2)
    static class FailingSample {
        @Test
        void fails(Mlops mlops) {
            SEEN.add(Observation.of("failing", mlops));
            mlops.experiment("sample").startRun("left running");
            throw new AssertionError("this sample fails on purpose");
        }
    }

    @Test
    void mlopsStore_failingTest_stillClosesAndDeletes() {
        Throwable failure = onlyFailure(runSample(FailingSample.class));

        assertThat(failure).hasMessage("this sample fails on purpose");
        Observation o = seen("failing").get(0);
        assertThat(o.homeExisted()).isTrue();
        assertThat(o.home().get()).doesNotExist();
        assertClosed(o.mlops());
    }

    // ---------------------------------------------------------------- builder options via @RegisterExtension

    static final Instant FIXED = Instant.parse("2024-03-01T12:00:00Z");

    static class RegisteredSample {
        @RegisterExtension
        static MlopsExtension mlopsExtension = MlopsExtension.builder()
                .user("tester")
                .clock(Clock.fixed(FIXED, ZoneOffset.UTC))
                .store(StoreKind.TEMPORARY_H2)
                .configure(b -> b.recoverOrphansOnOpen(false))
                .build();

        @Test
        void usesTheOptions(Mlops mlops) {
            SEEN.add(Observation.of("registered", mlops));
            String id = mlops.experiment("sample").run("run", run -> run.logMetric("m", 1));
            RunRecord run = mlops.runs().get(id);
            assertThat(run.info().user()).isEqualTo("tester");
            assertThat(run.info().startTime()).isEqualTo(FIXED);
            assertThat(run.info().endTime()).isEqualTo(FIXED);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void perInvocation(int i, Mlops mlops) {
            SEEN.add(Observation.of("invocation", mlops));
            assertThat(mlops.experiments()).isEmpty();
            mlops.experiment("sample-" + i);
        }
    }

    @Test
    void registerExtension_builderOptions_applyToEveryInstance() {
        runSample(RegisteredSample.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));

        assertThat(seen("registered").get(0).home()).isPresent();
        List<Observation> invocations = seen("invocation");
        assertThat(invocations).hasSize(2);
        assertThat(invocations.get(0).mlops()).isNotSameAs(invocations.get(1).mlops());
        assertThat(invocations).allSatisfy(o -> assertThat(o.home()).isPresent());
        invocations.forEach(o -> assertClosed(o.mlops()));
    }

    // ---------------------------------------------------------------- class scope

    @ExtendWith(MlopsExtension.class)
    static class ClassScopeSample {
        @BeforeAll
        static void beforeAll(Mlops mlops) {
            SEEN.add(Observation.of("class", mlops));
            mlops.experiment("shared");
        }

        @Test
        void one(Mlops mlops) {
            SEEN.add(Observation.of("method", mlops));
            assertThat(mlops.experiments()).isEmpty();
        }

        @Test
        void two(Mlops mlops) {
            SEEN.add(Observation.of("method", mlops));
        }

        @AfterAll
        static void afterAll(Mlops mlops) {
            SEEN.add(Observation.of("class", mlops));
            assertThat(mlops.experiments()).hasSize(1);
        }
    }

    @Test
    void beforeAllParameter_isOneInstanceForTheClass_separateFromTheTests() {
        EngineExecutionResults results = runSample(ClassScopeSample.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        results.containerEvents().assertStatistics(s -> s.failed(0));

        List<Observation> classScope = seen("class");
        assertThat(classScope).hasSize(2);
        assertThat(classScope.get(1).mlops()).isSameAs(classScope.get(0).mlops());
        assertThat(seen("method")).noneMatch(o -> o.mlops() == classScope.get(0).mlops());
        assertClosed(classScope.get(0).mlops());
    }

    // ---------------------------------------------------------------- the builder itself

    @Test
    void builder_nullArguments_throwNullPointerException() {
        MlopsExtension.Builder builder = MlopsExtension.builder();

        assertThatThrownBy(() -> builder.store(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.user(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.clock(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> builder.configure(null)).isInstanceOf(NullPointerException.class);
    }

    private static Throwable onlyFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    static class FailingOpenSample {
        @RegisterExtension
        static MlopsExtension badSettings = MlopsExtension.builder().store(StoreKind.TEMPORARY_H2)
                .configure(b -> b.heartbeatInterval(Duration.ofHours(1)))
                .build();

        @Test
        void neverRuns(Mlops mlops) {
            SEEN.add(Observation.of("bad settings", mlops));
        }
    }

    @Test
    void openFailure_failsTheTestWithTheStoreError() {
        Throwable failure = onlyFailure(runSample(FailingOpenSample.class));

        assertThat(seen("bad settings")).isEmpty();
        assertThat(failure).hasStackTraceContaining("StoreConfigurationException").hasStackTraceContaining("orphanTimeout");
    }

    @ExtendWith(MlopsExtension.class)
    static class CompetingSample {
        @RegisterExtension
        static MlopsExtension second = new MlopsExtension();

        @Test
        void neverRuns(Mlops mlops) {
            SEEN.add(Observation.of("competing", mlops));
        }
    }

    @Test
    void extendWithAndRegisterExtensionTogether_failTheTestNamingBoth() {
        Throwable failure = onlyFailure(runSample(CompetingSample.class));

        assertThat(seen("competing")).isEmpty();
        assertThat(failure).isInstanceOf(ParameterResolutionException.class).hasMessageContaining("MlopsExtension");
    }
}
