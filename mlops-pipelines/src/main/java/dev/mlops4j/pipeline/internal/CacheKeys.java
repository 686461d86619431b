package dev.mlops4j.pipeline.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.pipeline.Step;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cache key of a step execution: SHA-256 over the step's name, its code version, its canonical parameters (JSON
 * with sorted keys), its inputs' names and content fingerprints, and its outputs' names and formats. Every field is
 * length-prefixed, so no two different tuples hash the same text.
 */
final class CacheKeys {
    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();
    private static final String VERSION = "mlops4j.pipeline.cache/1";

    private CacheKeys() {
    }

    /**
     * @param step the step
     * @param codeVersion its code version
     * @param inputFingerprints input name to fingerprint
     * @return the 64-hex-character key
     */
    static String key(Step step, String codeVersion, Map<String, String> inputFingerprints) {
        MessageDigest d = sha256();
        field(d, VERSION);
        field(d, step.name());
        field(d, codeVersion);
        field(d, canonicalParams(step));
        TreeMap<String, String> inputs = new TreeMap<>(inputFingerprints);
        field(d, Integer.toString(inputs.size()));
        inputs.forEach((name, fp) -> {
            field(d, name);
            field(d, fp);
        });
        TreeMap<String, String> outputs = new TreeMap<>();
        for (Slot<?> o : step.outputs()) {
            outputs.put(o.name(), o.serializerId() + "|" + o.artifactType());
        }
        field(d, Integer.toString(outputs.size()));
        outputs.forEach((name, format) -> {
            field(d, name);
            field(d, format);
        });
        return HexFormat.of().formatHex(d.digest());
    }

    static String canonicalParams(Step step) {
        try {
            return CANONICAL.writeValueAsString(step.params());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("the parameters of step '" + step.name() + "' cannot be written as"
                    + " canonical JSON: " + e.getOriginalMessage());
        }
    }

    static String paramText(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum) {
            return value.toString();
        }
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static void field(MessageDigest d, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM provides no SHA-256", e);
        }
    }
}
