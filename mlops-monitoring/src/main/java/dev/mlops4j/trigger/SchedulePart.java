package dev.mlops4j.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A schedule: scheduled times pass between {@code observed} and now; the misfire policy sorts late ones. The cursor
 * is the instant up to which scheduled times were dealt with; a restart resumes from it, so no time fires twice and
 * the times missed while down go to the misfire policy.
 */
final class SchedulePart extends Part {
    /** The most scheduled times enumerated in one look, to bound the work after a very long downtime. */
    static final int MAX_ENUMERATED = 10_000;

    private final Schedule schedule;
    private final MisfirePolicy misfire;
    private final Instant anchor;
    private final Instant end;
    private Instant observed;
    private final List<Instant> pending = new ArrayList<>();
    private long missed;
    private boolean missedMore;

    SchedulePart(Schedule schedule, MisfirePolicy misfire, Instant anchor, Instant from, Instant end) {
        this.schedule = schedule;
        this.misfire = misfire;
        this.anchor = anchor;
        this.end = end;
        this.observed = from;
    }

    @Override
    void observe(Instant now) {
        if (!now.isAfter(observed)) {
            return;
        }
        Instant upTo = end != null && end.isBefore(now) ? end : now;
        // Scheduled times in (observed, upTo], newest first, at most MAX_ENUMERATED of them.
        List<Instant> due = new ArrayList<>();
        Optional<Instant> t = schedule.previous(upTo, anchor);
        boolean more = false;
        while (t.isPresent() && t.get().isAfter(observed)) {
            if (due.size() == MAX_ENUMERATED) {
                more = true;
                break;
            }
            due.add(t.get());
            t = schedule.previous(t.get().minusNanos(1), anchor);
        }
        observed = now;
        java.util.Collections.reverse(due);
        for (Instant time : due) {
            boolean late = Duration.between(time, now).compareTo(misfire.grace()) > 0;
            if (!late) {
                pending.add(time);
                continue;
            }
            missed++;
            switch (misfire.kind()) {
                case NONE -> { }
                case ONCE, ALL -> pending.add(time);
            }
        }
        missedMore |= more;
        int keep = misfire.kind() == MisfirePolicy.Kind.ALL ? Math.max(misfire.cap(), 1) : 1;
        // Under ALL the latest `cap` times are kept (an on-time one is never dropped in favour of a missed one, as it
        // is the newest); under NONE and ONCE the latest one stands for all.
        while (pending.size() > keep) {
            pending.remove(0);
        }
    }

    @Override
    boolean happened() {
        return !pending.isEmpty();
    }

    /** @return the gathered scheduled times, oldest first */
    List<Instant> occurrences() {
        return List.copyOf(pending);
    }

    @Override
    String reason() {
        return reasonFor(pending.isEmpty() ? observed : pending.get(pending.size() - 1));
    }

    String reasonFor(Instant time) {
        String base = schedule.describe() + " at " + time.atZone(schedule.zone());
        if (missed == 0) {
            return base;
        }
        return base + " (misfire " + misfire.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + missed
                + (missedMore ? "+" : "") + " scheduled time" + (missed == 1 && !missedMore ? "" : "s")
                + " missed while down or late)";
    }

    @Override
    Instant eventAt() {
        return pending.isEmpty() ? observed : pending.get(pending.size() - 1);
    }

    @Override
    void consume() {
        pending.clear();
        missed = 0;
        missedMore = false;
    }

    /** Consumes the oldest gathered time only (standalone schedules fire once per time under ALL). */
    void consumeFirst() {
        pending.remove(0);
        if (pending.isEmpty()) {
            missed = 0;
            missedMore = false;
        }
    }

    @Override
    Optional<Instant> nextDue(Instant now) {
        Optional<Instant> next = schedule.next(observed.isAfter(now) ? observed : now, anchor);
        return next.filter(n -> end == null || !n.isAfter(end));
    }

    @Override
    boolean exhausted() {
        return pending.isEmpty() && (end != null && !observed.isBefore(end)
                || schedule.next(observed, anchor).isEmpty());
    }

    @Override
    String cursor() {
        return observed.toString();
    }

    @Override
    void restore(String cursor) {
        observed = Instant.parse(cursor);
    }
}
