package dev.mlops4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.gate.SliceKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes (static nested classes, which the build's test runner does not pick up by itself) through
 * the JUnit engine and checks what the extension made of them: passed or failed, with which message, which report
 * entries, and that a failing gate did not stop the test body.
 */
class QualityGateExtensionTest {
    /** What the samples did, in order; reset before each engine run. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static final MetricValues GOOD = MetricValues.of("run good", Map.of("accuracy", 0.95, "macro_f1", 0.93,
            SliceKeys.key("region", "north", "accuracy"), 0.9, SliceKeys.key("region", "south", "accuracy"), 0.85));
    static final MetricValues UNFAIR = MetricValues.of("run unfair", Map.of("accuracy", 0.95, "macro_f1", 0.80,
            SliceKeys.key("region", "north", "accuracy"), 0.99, SliceKeys.key("region", "south", "accuracy"), 0.6));
    static final MetricValues CHAMPION = MetricValues.of("run champion", Map.of("macro_f1", 0.92));
    static final Gate QUALITY = Gate.metric("accuracy").atLeast(0.9).named("quality");
    static final Gate FAIRNESS = Gate.metric("accuracy").perSlice("region").atLeast(0.8).named("fairness");
    static final Gate RELEASE = Gate.metric("macro_f1").notWorseThanChampion().by(0.01).named("release");

    private static EngineExecutionResults run(Class<?> sample) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute();
    }

    private static Throwable onlyFailure(EngineExecutionResults results) {
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        return results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    private static List<ReportEntry> reports(EngineExecutionResults results) {
        return results.testEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow()).toList();
    }

    @ExtendWith(QualityGateExtension.class)
    static class PassingSample {
        @Test
        void good(GateChecks gates) {
            gates.check(QUALITY, GOOD);
            gates.check(FAIRNESS, GOOD);
            gates.check(RELEASE, GOOD, CHAMPION);
            SEEN.add(gates.toString());
        }
    }

    @Test
    void check_allGatesPass_testPassesAndEveryTableIsPublished() {
        EngineExecutionResults results = run(PassingSample.class);

        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).failed(0));
        assertThat(SEEN).containsExactly("GateChecks[3 checked, 0 failed]");
        List<ReportEntry> entries = reports(results);
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).getKeyValuePairs()).containsOnlyKeys("gate.quality");
        assertThat(entries.get(0).getKeyValuePairs().get("gate.quality"))
                .isEqualTo(QUALITY.evaluate(GOOD).toString());
        assertThat(entries.get(2).getKeyValuePairs().get("gate.release")).contains("vs champion run champion")
                .contains("PASSED");
    }

    @ExtendWith(QualityGateExtension.class)
    static class FailingSample {
        @Test
        void unfair(GateChecks gates) {
            gates.check(QUALITY, UNFAIR);
            gates.check(FAIRNESS, UNFAIR);
            SEEN.add("after the failed fairness gate");
            gates.check(RELEASE, UNFAIR, CHAMPION);
            SEEN.add(gates.toString());
        }
    }

    @Test
    void check_gatesFail_testContinuesThenFailsListingEveryFailedTable() {
        EngineExecutionResults results = run(FailingSample.class);

        Throwable failure = onlyFailure(results);
        assertThat(SEEN).containsExactly("after the failed fairness gate",
                "GateChecks[3 checked, 2 failed: fairness, release]");
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("2 of 3 quality gates failed:")
                .hasMessageContaining(FAIRNESS.evaluate(UNFAIR).toString())
                .hasMessageContaining(RELEASE.evaluate(UNFAIR, CHAMPION).toString())
                .hasMessageContaining("0.6 is below 0.8")
                .hasMessageNotContaining("Gate 'quality'");
        assertThat(reports(results)).hasSize(3);
    }

    @ExtendWith(QualityGateExtension.class)
    static class FailingBodySample {
        @Test
        void both(GateChecks gates) {
            gates.check(FAIRNESS, UNFAIR);
            throw new IllegalStateException("the test's own failure");
        }
    }

    @Test
    void afterEach_testAlreadyFailed_gateFailureIsSuppressedNotLost() {
        Throwable failure = onlyFailure(run(FailingBodySample.class));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessage("the test's own failure");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(AssertionError.class)
                .satisfies(s -> assertThat(s.getMessage()).startsWith("1 of 1 quality gate failed:")
                        .contains("fairness"));
    }

    @ExtendWith(QualityGateExtension.class)
    static class NoChecksSample {
        @Test
        void nothing() {
            SEEN.add("ran");
        }

        @Test
        void adds(GateChecks gates) {
            gates.add(QUALITY.evaluate(GOOD));
            SEEN.add(gates.results().size() + " result");
        }
    }

    @Test
    void extension_testsWithoutOrWithAddedResults_passAndOnlyCheckedGatesAreReported() {
        EngineExecutionResults results = run(NoChecksSample.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).containsExactlyInAnyOrder("ran", "1 result");
        assertThat(reports(results)).singleElement()
                .satisfies(e -> assertThat(e.getKeyValuePairs()).containsOnlyKeys("gate.quality"));
        assertThat(results.testEvents().reportingEntryPublished().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName()).toList()).containsExactly("adds(GateChecks)");
    }
}
