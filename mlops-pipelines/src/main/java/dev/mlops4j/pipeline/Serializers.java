package dev.mlops4j.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/** The built-in {@link Serializer}s: bytes, UTF-8 strings, JSON (Jackson) and files left in place. */
public final class Serializers {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .findAndAddModules()
            .build();

    private Serializers() {
    }

    /** @return the identity serializer of {@code byte[]} */
    public static Serializer<byte[]> bytes() {
        return new Serializer<>() {
            @Override
            public String id() {
                return "bytes";
            }

            @Override
            public byte[] serialize(byte[] value) {
                return value.clone();
            }

            @Override
            public byte[] deserialize(byte[] bytes) {
                return bytes.clone();
            }
        };
    }

    /** @return strings as UTF-8 */
    public static Serializer<String> string() {
        return new Serializer<>() {
            @Override
            public String id() {
                return "string/utf-8";
            }

            @Override
            public byte[] serialize(String value) {
                return value.getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public String deserialize(byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        };
    }

    /**
     * JSON through Jackson, with sorted map keys and properties so equal values give equal bytes (and equal
     * fingerprints). Works for records, maps, lists and beans.
     *
     * @param type the value class
     * @param <T> the value type
     * @return the serializer
     */
    public static <T> Serializer<T> json(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new Serializer<>() {
            @Override
            public String id() {
                return "json/" + type.getName();
            }

            @Override
            public byte[] serialize(T value) throws IOException {
                return JSON.writeValueAsBytes(value);
            }

            @Override
            public T deserialize(byte[] bytes) throws IOException {
                return JSON.readValue(bytes, type);
            }
        };
    }

    /**
     * Files left where the step wrote them: the engine records the file's uri and SHA-256; a cached output whose
     * file was deleted or changed is a cache miss.
     *
     * @return the file-reference serializer
     */
    public static Serializer<Path> file() {
        return new Serializer<>() {
            @Override
            public String id() {
                return "file";
            }

            @Override
            public byte[] serialize(Path value) {
                return value.toAbsolutePath().toUri().toString().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public Path deserialize(byte[] bytes) {
                return Path.of(java.net.URI.create(new String(bytes, StandardCharsets.UTF_8)));
            }

            @Override
            public boolean storesByReference() {
                return true;
            }
        };
    }

    /**
     * The serializer {@link Slot#of(String, Class)} picks: bytes for {@code byte[]}, UTF-8 for {@code String},
     * file references for {@code Path}, JSON otherwise.
     *
     * @param type the value class
     * @param <T> the value type
     * @return the default serializer
     */
    @SuppressWarnings("unchecked")
    public static <T> Serializer<T> defaultFor(Class<T> type) {
        if (type == byte[].class) {
            return (Serializer<T>) bytes();
        }
        if (type == String.class) {
            return (Serializer<T>) string();
        }
        if (Path.class.isAssignableFrom(type)) {
            return (Serializer<T>) file();
        }
        return json(type);
    }

    /** @return the canonical JSON mapper (sorted keys), shared with cache keys */
    static ObjectMapper mapper() {
        return JSON;
    }
}
