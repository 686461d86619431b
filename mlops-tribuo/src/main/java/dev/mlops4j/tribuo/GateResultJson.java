package dev.mlops4j.tribuo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.GateRecorder;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tribuo.internal.Json;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A {@link GateResult} as JSON, and recording it on a run with the JSON next to the tags, metrics and table that
 * {@link GateRecorder} writes. The JSON holds {@code gate}, {@code status}, {@code passed}, {@code summary},
 * {@code candidate}, {@code champion} and {@code conditions} (one object per {@link ConditionResult}, with its
 * component names; NaN values as the string {@code "NaN"}). {@link #fromJson(byte[])} reads it back.
 */
public final class GateResultJson {
    private static final TypeReference<List<ConditionResult>> CONDITIONS = new TypeReference<>() {
    };

    private GateResultJson() {
    }

    /**
     * @param result a gate result
     * @return its JSON, UTF-8
     */
    public static byte[] toJson(GateResult result) {
        Objects.requireNonNull(result, "result");
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("gate", result.gate());
        node.put("status", result.status().name());
        node.put("passed", result.passed());
        node.put("summary", result.summary());
        node.put("candidate", result.candidate());
        node.put("champion", result.champion());
        node.set("conditions", Json.MAPPER.valueToTree(result.conditions()));
        return Json.bytes(node);
    }

    /**
     * @param json JSON written by {@link #toJson(GateResult)}
     * @return the result
     * @throws InvalidInputException if it is not such JSON
     */
    public static GateResult fromJson(byte[] json) {
        try {
            JsonNode node = Json.MAPPER.readTree(json);
            if (node == null || !node.hasNonNull("gate") || !node.hasNonNull("candidate") || !node.has("conditions")) {
                throw new InvalidInputException("not a gate result: JSON lacks 'gate', 'candidate' or 'conditions'");
            }
            JsonNode champion = node.get("champion");
            return new GateResult(node.get("gate").asText(), node.get("candidate").asText(),
                    champion == null || champion.isNull() ? null : champion.asText(),
                    Json.MAPPER.convertValue(node.get("conditions"), CONDITIONS));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("not a gate result JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Records the result on a RUNNING run: {@link GateRecorder#record(Run, GateResult)} plus the JSON as
     * {@code gates/<gate>.json}.
     *
     * @param run the run
     * @param result the result
     * @return the JSON artifact
     */
    public static ArtifactInfo record(Run run, GateResult result) {
        GateRecorder.record(run, result);
        return run.logArtifact(GateRecorder.artifactPath(result.gate(), "json"), toJson(result));
    }
}
