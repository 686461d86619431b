package dev.mlops4j.pipeline;

import dev.mlops4j.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A named, typed data set passed between steps: one step declares it as an output, others as an input, and the
 * pipeline's graph follows from the names (as in Kedro). Create slots once and share them:
 *
 * <pre>{@code
 * static final Slot<Path> RAW = Slot.of("raw_csv", Path.class);          // a file, left in place
 * static final Slot<Report> REPORT = Slot.of("report", Report.class);     // JSON in the artifact store
 * static final Slot<Model> MODEL = Slot.of("model", Model.class, myModelSerializer);
 * static final Slot<Conn> CONN = Slot.transientOf("connection", Conn.class);   // never persisted nor cached
 * }</pre>
 *
 * @param <T> the value type
 */
public final class Slot<T> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private final String name;
    private final Class<T> type;
    private final Serializer<T> serializer;
    private final String artifactType;

    private Slot(String name, Class<T> type, Serializer<T> serializer, String artifactType) {
        this.name = checkName(name);
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = serializer;
        this.artifactType = Objects.requireNonNull(artifactType, "artifactType");
        if (artifactType.isBlank()) {
            throw new InvalidInputException("the artifact type of slot '" + name + "' must not be blank");
        }
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("'" + name + "' is not a valid name; use 1 to 100 letters, digits, '_',"
                    + " '.' or '-'");
        }
        return name;
    }

    /**
     * @param name unique name in the pipeline
     * @param type value class
     * @param <T> value type
     * @return a persisted slot with {@link Serializers#defaultFor the default serializer} of the type
     */
    public static <T> Slot<T> of(String name, Class<T> type) {
        return new Slot<>(name, type, Serializers.defaultFor(type), type.getSimpleName());
    }

    /**
     * @param name unique name in the pipeline
     * @param type value class
     * @param serializer how values are stored
     * @param <T> value type
     * @return a persisted slot
     */
    public static <T> Slot<T> of(String name, Class<T> type, Serializer<T> serializer) {
        return new Slot<>(name, type, Objects.requireNonNull(serializer, "serializer"), type.getSimpleName());
    }

    /**
     * A slot whose values live only in memory during one pipeline run. Steps with a transient output are never
     * cached (there would be nothing to reuse), and their consumers run whenever they do.
     *
     * @param name unique name in the pipeline
     * @param type value class
     * @param <T> value type
     * @return a transient slot
     */
    public static <T> Slot<T> transientOf(String name, Class<T> type) {
        return new Slot<>(name, type, null, type.getSimpleName());
    }

    /** @param type lineage artifact type, e.g. {@code "Dataset"} (default: the class's simple name) @return a copy */
    public Slot<T> artifactType(String type) {
        return new Slot<>(name, this.type, serializer, type);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the value class */
    public Class<T> type() {
        return type;
    }

    /** @return the serializer, empty for transient slots */
    public Optional<Serializer<T>> serializer() {
        return Optional.ofNullable(serializer);
    }

    /** @return the lineage artifact type */
    public String artifactType() {
        return artifactType;
    }

    /** @return whether values are stored (and so can be cached) */
    public boolean isPersistent() {
        return serializer != null;
    }

    /** Slots are equal when their names, types and formats are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Slot<?> other && name.equals(other.name) && type.equals(other.type)
                && Objects.equals(serializerId(), other.serializerId());
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** @return the serializer's id, or {@code "transient"} */
    public String serializerId() {
        return serializer == null ? "transient" : serializer.id();
    }

    /** @return {@code name: Type} */
    @Override
    public String toString() {
        return name + ": " + type.getSimpleName();
    }
}
