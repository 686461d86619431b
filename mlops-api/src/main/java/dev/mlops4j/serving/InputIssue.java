package dev.mlops4j.serving;

import java.util.Objects;

/**
 * One problem found in a prediction's input.
 *
 * @param kind what is wrong
 * @param feature the feature concerned
 * @param value its value, {@code null} if absent
 * @param message what is wrong, readable, e.g. {@code "alcohol = 42.0 is outside the training range [11.03, 14.83]"}
 */
public record InputIssue(InputIssueKind kind, String feature, Double value, String message) {
    public InputIssue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return kind + " " + message;
    }
}
