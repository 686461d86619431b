package dev.mlops4j.trigger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** AND / OR over parts. */
final class CompositePart extends Part {
    private final boolean all;
    private final List<Part> parts;

    CompositePart(boolean all, List<Part> parts) {
        this.all = all;
        this.parts = List.copyOf(parts);
    }

    @Override
    void observe(Instant now) {
        parts.forEach(p -> p.observe(now));
    }

    @Override
    boolean happened() {
        return all ? parts.stream().allMatch(Part::happened) : parts.stream().anyMatch(Part::happened);
    }

    @Override
    String reason() {
        return parts.stream().filter(Part::happened).map(Part::reason).collect(Collectors.joining(all ? " AND " : " OR "));
    }

    @Override
    Instant eventAt() {
        return parts.stream().filter(Part::happened).map(Part::eventAt).max(Instant::compareTo).orElse(Instant.MIN);
    }

    @Override
    void consume() {
        parts.forEach(Part::consume);
    }

    @Override
    Optional<Instant> nextDue(Instant now) {
        return parts.stream().map(p -> p.nextDue(now)).flatMap(Optional::stream).min(Instant::compareTo);
    }

    @Override
    boolean polled() {
        return parts.stream().anyMatch(Part::polled);
    }

    @Override
    boolean exhausted() {
        // An AND is over when one part can never happen again (unless it already has); an OR when all are over.
        return all ? parts.stream().anyMatch(p -> p.exhausted() && !p.happened()) : parts.stream().allMatch(Part::exhausted);
    }

    @Override
    List<Part> flatten() {
        List<Part> list = new ArrayList<>();
        list.add(this);
        parts.forEach(p -> list.addAll(p.flatten()));
        return list;
    }
}
