package dev.mlops4j.tribuo.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/** The module's one JSON configuration: indented, map keys sorted, so artifacts are readable and stable. */
public final class Json {
    /** Shared, thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {
    }

    /**
     * @param value a tree or a Jackson-serializable value
     * @return its JSON as UTF-8 bytes, ending with a newline
     */
    public static byte[] bytes(Object value) {
        try {
            return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // Our values are trees, records of strings and numbers: failing to write them is a bug, not an input error.
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
        }
    }
}
