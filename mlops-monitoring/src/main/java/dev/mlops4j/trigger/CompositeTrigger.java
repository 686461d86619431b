package dev.mlops4j.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An AND or OR of triggers; see {@link Trigger#and(Trigger)} and {@link Trigger#or(Trigger)}.
 *
 * @param all true for AND (every part), false for OR (any part)
 * @param parts the parts, at least two
 */
public record CompositeTrigger(boolean all, List<Trigger> parts) implements Trigger {
    public CompositeTrigger {
        parts = List.copyOf(parts);
        if (parts.size() < 2) {
            throw new dev.mlops4j.InvalidInputException("an AND/OR needs at least two parts, got " + parts.size());
        }
    }

    static CompositeTrigger of(boolean all, Trigger first, Trigger... more) {
        List<Trigger> list = new ArrayList<>();
        add(list, all, Objects.requireNonNull(first, "first"));
        for (Trigger t : more) {
            add(list, all, Objects.requireNonNull(t, "trigger"));
        }
        return new CompositeTrigger(all, list);
    }

    // a AND (b AND c) is flattened to AND(a, b, c): same meaning, shorter reasons.
    private static void add(List<Trigger> list, boolean all, Trigger t) {
        if (t instanceof CompositeTrigger c && c.all == all) {
            list.addAll(c.parts);
        } else {
            list.add(t);
        }
    }

    @Override
    public String describe() {
        return parts.stream().map(p -> p instanceof CompositeTrigger ? "(" + p.describe() + ")" : p.describe())
                .collect(Collectors.joining(all ? " AND " : " OR "));
    }
}
