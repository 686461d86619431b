package dev.mlops4j.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.StoreException;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trigger's durable state, stored as one JSON document.
 *
 * @param sequence the last firing's sequence number
 * @param runs how many firings it made
 * @param anchor a fixed rate's first time, or null
 * @param savedAt when it was written
 * @param cursors part position to cursor
 * @param definition the trigger's description when the cursors were written: positions only mean the same parts
 *     while it is unchanged
 */
record TriggerState(long sequence, long runs, Instant anchor, Instant savedAt, Map<String, String> cursors,
                    String definition) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 1;

    static TriggerState parse(String json, String trigger) {
        if (json == null) {
            return new TriggerState(0, 0, null, null, Map.of(), null);
        }
        try {
            JsonNode n = JSON.readTree(json);
            Map<String, String> cursors = new LinkedHashMap<>();
            n.path("cursors").fields().forEachRemaining(e -> cursors.put(e.getKey(), e.getValue().asText()));
            return new TriggerState(n.path("sequence").asLong(), n.path("runs").asLong(),
                    n.hasNonNull("anchor") ? Instant.parse(n.get("anchor").asText()) : null,
                    n.hasNonNull("savedAt") ? Instant.parse(n.get("savedAt").asText()) : null, cursors,
                    n.hasNonNull("definition") ? n.get("definition").asText() : null);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("the stored state of trigger '" + trigger + "' is damaged: " + json, e);
        }
    }

    String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", FORMAT_VERSION);
        n.put("sequence", sequence);
        n.put("runs", runs);
        n.put("anchor", anchor == null ? null : anchor.toString());
        n.put("savedAt", savedAt == null ? null : savedAt.toString());
        n.put("definition", definition);
        ObjectNode c = n.putObject("cursors");
        cursors.forEach(c::put);
        return n.toString();
    }
}
