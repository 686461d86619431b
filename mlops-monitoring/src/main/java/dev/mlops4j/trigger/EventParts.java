package dev.mlops4j.trigger;

import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.validation.drift.DriftReport;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The parts for callbacks, drift reports and live metrics. */
final class EventParts {
    private EventParts() {
    }

    /** Items signalled through a {@link DataSignal}. */
    static final class SignalPart extends Part {
        private final DataSignal signal;
        private int seen;
        private Instant eventAt;

        SignalPart(DataSignal signal) {
            this.signal = signal;
        }

        @Override
        void observe(Instant now) {
            int n = signal.pending().size();
            if (n > seen) {
                seen = n;
                eventAt = now;
            }
        }

        @Override
        boolean happened() {
            return seen > 0;
        }

        @Override
        String reason() {
            List<String> items = signal.pending().subList(0, seen);
            return signal.describe() + ": " + seen + " arrival" + (seen == 1 ? "" : "s") + " ("
                    + items.stream().limit(10).collect(Collectors.joining(", ")) + (seen > 10 ? ", ..." : "") + ")";
        }

        @Override
        Instant eventAt() {
            return eventAt;
        }

        @Override
        void consume() {
            // Only what was seen: an item signalled between the look and the firing waits for the next firing.
            signal.take(seen);
            seen = 0;
        }
    }

    /** New drift reports above a threshold. */
    static final class DriftPart extends Part {
        private final DriftTrigger trigger;
        private DriftReport last;
        private DriftReport firing;
        private Instant eventAt;

        DriftPart(DriftTrigger trigger) {
            this.trigger = trigger;
        }

        @Override
        void observe(Instant now) {
            DriftReport r = trigger.reports().get();
            if (r == null || r == last) {
                return;
            }
            last = r;
            if (trigger.fires(r)) {
                firing = r;
                eventAt = now;
            }
        }

        @Override
        boolean happened() {
            return firing != null;
        }

        @Override
        String reason() {
            DriftReport r = firing;
            return String.format(Locale.ROOT, "drift in '%s': share %.3f%s, %d of %d columns drifted (%s)",
                    r.currentSource(), r.driftShare(),
                    trigger.threshold().isPresent() ? " >= " + trigger.shareThreshold() : "",
                    r.driftedColumns().size(), r.judgedColumns(),
                    r.driftedColumns().stream().limit(10).collect(Collectors.joining(", ")));
        }

        @Override
        Instant eventAt() {
            return eventAt;
        }

        @Override
        void consume() {
            firing = null;
        }

        @Override
        boolean polled() {
            return true;
        }
    }

    /** New live metrics failing a gate. */
    static final class GatePart extends Part {
        private final GateTrigger trigger;
        private Map<String, ? extends Number> last;
        private GateResult failed;
        private Instant eventAt;

        GatePart(GateTrigger trigger) {
            this.trigger = trigger;
        }

        @Override
        void observe(Instant now) {
            Map<String, ? extends Number> values = trigger.metrics().get();
            if (values == null || values.equals(last)) {
                return;
            }
            last = Map.copyOf(values);
            GateResult result = trigger.gate().evaluate(values);
            if (!result.passed()) {
                failed = result;
                eventAt = now;
            }
        }

        @Override
        boolean happened() {
            return failed != null;
        }

        @Override
        String reason() {
            return "gate '" + failed.gate() + "' failed on live metrics: " + failed.failures().stream()
                    .map(EventParts::describe).collect(Collectors.joining("; "));
        }

        @Override
        Instant eventAt() {
            return eventAt;
        }

        @Override
        void consume() {
            failed = null;
        }

        @Override
        boolean polled() {
            return true;
        }
    }

    private static String describe(ConditionResult c) {
        return c.condition() + (c.observed() == null ? "" : " (observed " + c.observed() + ")");
    }
}
