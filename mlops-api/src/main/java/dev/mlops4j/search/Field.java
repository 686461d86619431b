package dev.mlops4j.search;

import java.util.Objects;

/**
 * What a filter term or ordering refers to: a metric, param or tag by key, or a run attribute.
 *
 * @param kind the namespace
 * @param key the metric, param or tag key; for attributes, the attribute's canonical name
 * @param attribute the attribute when {@code kind == ATTRIBUTE}, else {@code null}
 */
public record Field(Kind kind, String key, Attribute attribute) {

    /** The namespaces of the search language: {@code metrics.}, {@code params.}, {@code tags.}, {@code attributes.}. */
    public enum Kind {
        /** {@code metrics.<key>}: the latest value of a metric, compared as a number. */
        METRIC,
        /** {@code params.<key>}: a param value, compared as a string. */
        PARAM,
        /** {@code tags.<key>}: a tag value, compared as a string. */
        TAG,
        /** {@code attributes.<name>}: a run attribute. */
        ATTRIBUTE
    }

    public Field {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        if ((kind == Kind.ATTRIBUTE) != (attribute != null)) {
            throw new IllegalArgumentException("attribute must be given exactly for ATTRIBUTE fields");
        }
    }

    /** @param key metric key @return the field */
    public static Field metric(String key) {
        return new Field(Kind.METRIC, key, null);
    }

    /** @param key param key @return the field */
    public static Field param(String key) {
        return new Field(Kind.PARAM, key, null);
    }

    /** @param key tag key @return the field */
    public static Field tag(String key) {
        return new Field(Kind.TAG, key, null);
    }

    /** @param attribute the attribute @return the field */
    public static Field attribute(Attribute attribute) {
        return new Field(Kind.ATTRIBUTE, attribute.canonicalName(), attribute);
    }

    /** @return true if values of this field compare as numbers (metrics and time attributes) */
    public boolean isNumeric() {
        return kind == Kind.METRIC || (kind == Kind.ATTRIBUTE && attribute.isNumeric());
    }

    @Override
    public String toString() {
        String prefix = switch (kind) {
            case METRIC -> "metrics.";
            case PARAM -> "params.";
            case TAG -> "tags.";
            case ATTRIBUTE -> "attributes.";
        };
        // Backticks keep keys with dots, spaces or other characters re-parseable (Filter.parse(toString())).
        return prefix + (key.matches("[A-Za-z0-9_]+") ? key
                : "`" + key.replace("\\", "\\\\").replace("`", "\\`") + "`");
    }
}
