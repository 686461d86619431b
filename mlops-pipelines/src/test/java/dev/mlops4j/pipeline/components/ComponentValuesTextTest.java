package dev.mlops4j.pipeline.components;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.gate.Gate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a pipeline's outputs: readable values, not record dumps. */
class ComponentValuesTextTest {

    @Test
    void gateOutcome_toString_isTheConditionTable() {
        GateOutcome outcome = GateOutcome.of(Gate.metric("accuracy").atLeast(0.8).named("quality")
                .evaluate(Map.of("accuracy", 0.9)));

        assertThat(outcome.toString()).startsWith("Gate 'quality' on metrics: PASSED")
                .contains("\n  PASSED  accuracy >= 0.8").doesNotContain("GateOutcome[");
    }

    @Test
    void metricsAndPromotionRecord_toString_oneLineEach() {
        assertThat(new Metrics("run1", Map.of("f1", 0.9, "accuracy", 0.913333333)).toString())
                .isEqualTo("metrics of run1: accuracy=0.913333, f1=0.9");
        assertThat(new PromotionRecord("wine", "production", 3, "REJECTED_BY_GATE", false).toString())
                .isEqualTo("models:/wine/3 -> @production: REJECTED_BY_GATE");
    }
}
