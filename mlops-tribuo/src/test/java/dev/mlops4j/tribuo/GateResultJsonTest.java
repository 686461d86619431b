package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.Gate;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.gate.MetricValues;
import dev.mlops4j.gate.SliceKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateResultJsonTest {
    private static final Gate GATE = Gate.metric("accuracy").atLeast(0.9)
            .and(Gate.metric("macro_f1").notWorseThanChampion().byRelative(0.02))
            .and(Gate.metric("accuracy").perSlice("region").atLeast(0.8))
            .and(Gate.metric("rmse").atMost(1)).named("release");

    @Test
    void toJsonFromJson_roundTripsAllStatusesAndNaN() throws Exception {
        MetricValues candidate = MetricValues.of("run a", Map.of("accuracy", 0.95, "macro_f1", Double.NaN,
                SliceKeys.key("region", "north", "accuracy"), 0.7));
        GateResult withChampion = GATE.evaluate(candidate, MetricValues.of("run b", Map.of("macro_f1", 0.9)));
        GateResult withoutChampion = GATE.evaluate(candidate);

        for (GateResult r : new GateResult[] {withChampion, withoutChampion}) {
            byte[] json = GateResultJson.toJson(r);

            assertThat(GateResultJson.fromJson(json)).isEqualTo(r);
            JsonNode node = new ObjectMapper().readTree(json);
            assertThat(node.get("status").asText()).isEqualTo("FAILED");
            assertThat(node.get("passed").asBoolean()).isFalse();
            assertThat(node.get("conditions")).hasSize(4);
        }
        assertThat(new String(GateResultJson.toJson(withChampion), StandardCharsets.UTF_8)).contains("\"NaN\"");
    }

    @Test
    void fromJson_notAGateResult_throwsInvalidInput() {
        assertThatThrownBy(() -> GateResultJson.fromJson("{\"x\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> GateResultJson.fromJson("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class);
    }
}
