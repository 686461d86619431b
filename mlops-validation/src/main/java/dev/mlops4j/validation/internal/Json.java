package dev.mlops4j.validation.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.InvalidInputException;
import java.util.Base64;

/**
 * The shared Jackson setup and small helpers for the versioned JSON forms. Every document starts with
 * {@code "format"} (what it is) and {@code "formatVersion"}; readers accept their own and older versions and
 * reject newer ones with a message that says to upgrade.
 */
public final class Json {
    /** Shared, thread-safe mapper: indented output, unknown fields ignored (forward-compatible additions). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    /**
     * @param format the document kind, e.g. {@code "mlops4j-profile"}
     * @param version its format version
     * @return a new document root
     */
    public static ObjectNode document(String format, int version) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.put("formatVersion", version);
        return root;
    }

    /**
     * @param node a document
     * @return it as indented JSON text
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * Parses a document and checks its kind and version.
     *
     * @param json the text
     * @param format the expected kind
     * @param maxVersion the newest version this library reads
     * @param what a noun for messages, e.g. "profile"
     * @return the root object
     * @throws InvalidInputException if the text is not such a document
     */
    public static ObjectNode read(String json, String format, int maxVersion, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("not valid JSON for a " + what + ": " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (!(root instanceof ObjectNode)) {
            throw new InvalidInputException("a " + what + " JSON document must be an object, was " + root.getNodeType());
        }
        String actual = root.path("format").asText("");
        if (!format.equals(actual)) {
            throw new InvalidInputException("expected a " + what + " JSON document with \"format\": \"" + format
                    + "\", found \"" + actual + "\"");
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version < 1 || version > maxVersion) {
            throw new InvalidInputException(what + " format version " + version + " is not supported; this"
                    + " library reads versions 1 to " + maxVersion + (version > maxVersion
                    ? " (written by a newer mlops-validation: upgrade it)" : ""));
        }
        return (ObjectNode) root;
    }

    /**
     * @param node object
     * @param field field name
     * @return its long value
     * @throws InvalidInputException if missing or not a number
     */
    public static long longField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new InvalidInputException("JSON field '" + field + "' must be an integer in " + abbreviate(node));
        }
        return v.asLong();
    }

    /**
     * @param node object
     * @param field field name
     * @return its text
     * @throws InvalidInputException if missing or not text
     */
    public static String textField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new InvalidInputException("JSON field '" + field + "' must be a string in " + abbreviate(node));
        }
        return v.asText();
    }

    /**
     * Writes a double, spelling NaN and infinities as the strings {@code "NaN"}, {@code "Infinity"},
     * {@code "-Infinity"} (JSON has no such numbers).
     *
     * @param node object
     * @param field field name
     * @param value the value
     */
    public static void putDouble(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.put(field, Double.toString(value));
        }
    }

    /**
     * @param v a number node or one of the strings written by {@link #putDouble(ObjectNode, String, double)}
     * @return the double
     * @throws InvalidInputException if neither
     */
    public static double toDouble(JsonNode v) {
        if (v != null && v.isNumber()) {
            return v.asDouble();
        }
        if (v != null && v.isTextual()) {
            switch (v.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new InvalidInputException("expected a number in JSON, found " + v);
    }

    /**
     * @param node object
     * @param field field name
     * @return its double value
     */
    public static double doubleField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new InvalidInputException("JSON field '" + field + "' is missing in " + abbreviate(node));
        }
        return toDouble(v);
    }

    /** @param bytes binary @return Base64 text */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * @param node object
     * @param field field holding Base64 text
     * @return the bytes, or {@code null} if the field is absent or null
     */
    public static byte[] bytesField(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(v.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("JSON field '" + field + "' is not valid Base64", e);
        }
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
