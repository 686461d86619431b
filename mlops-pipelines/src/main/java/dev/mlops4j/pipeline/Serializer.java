package dev.mlops4j.pipeline;

import java.io.IOException;

/**
 * Turns a step output into bytes for the artifact store and back. Built-ins are in {@link Serializers}.
 *
 * <p>The {@link #id()} is part of every cache key, so a change of format (a new id) invalidates cached outputs.
 *
 * @param <T> the value type
 */
public interface Serializer<T> {

    /** @return a stable identifier of the format, e.g. {@code "string/utf-8"} */
    String id();

    /**
     * @param value the value, never null
     * @return its bytes
     * @throws IOException if it cannot be serialized
     */
    byte[] serialize(T value) throws IOException;

    /**
     * @param bytes what {@link #serialize} wrote
     * @return the value
     * @throws IOException if the bytes cannot be read
     */
    T deserialize(byte[] bytes) throws IOException;

    /**
     * Whether values are files left in place ({@link Serializers#file()}): the engine records their {@code file:}
     * uri and SHA-256 instead of copying them, and a cache hit requires the file to be unchanged.
     *
     * @return true for file references
     */
    default boolean storesByReference() {
        return false;
    }

    /**
     * For reference serializers other than files: the uri the engine records for a value, e.g.
     * {@code models:/wine/3} for a registered model version. The fingerprint is the SHA-256 of {@link #serialize},
     * and {@link #deserialize} receives the uri's UTF-8 bytes. Files return null (their uri is their path).
     *
     * @param value the value
     * @return its uri, or null for files
     */
    default String referenceUri(T value) {
        return null;
    }
}
