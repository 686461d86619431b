package dev.mlops4j.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.StoreException;
import dev.mlops4j.gate.ConditionResult;
import dev.mlops4j.gate.GateResult;
import dev.mlops4j.validation.drift.DriftReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parts for callbacks, drift reports and live metrics. Unlike schedules and directories, whose events can be found
 * again after a restart (the times passed, the files are still there), these events live only in the process: a
 * signalled item, a report or metrics that a restarted monitor no longer returns. So each keeps what it gathered (and
 * what it last saw) in its cursor, and the engine writes it as soon as it is gathered.
 */
final class EventParts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventParts() {
    }

    /** A part whose cursor is a JSON object holding the time of its gathered event and what it saw. */
    abstract static class EventPart extends Part {
        Instant eventAt;
        private String undo;

        /** @param n where to write what this part saw and gathered */
        abstract void write(ObjectNode n);

        /** @param n what {@link #write} wrote */
        abstract void read(JsonNode n);

        /** Forgets the gathered event (a firing consumed it). */
        abstract void forget();

        /** @return what this part watches, for error messages */
        abstract String describe();

        @Override
        boolean keepsEvents() {
            return true;
        }

        @Override
        Instant eventAt() {
            return eventAt;
        }

        @Override
        void consume() {
            undo = cursor();
            forget();
        }

        @Override
        void rollback(String before) {
            // Back to just before the consume, not to `before`: what this look gathered must not be lost.
            if (undo != null) {
                restore(undo);
            }
        }

        @Override
        final String cursor() {
            ObjectNode n = JSON.createObjectNode();
            n.put("eventAt", eventAt == null ? null : eventAt.toString());
            write(n);
            return n.toString();
        }

        @Override
        final void restore(String cursor) {
            try {
                JsonNode n = JSON.readTree(cursor);
                eventAt = n.hasNonNull("eventAt") ? Instant.parse(n.get("eventAt").asText()) : null;
                read(n);
            } catch (IOException | RuntimeException e) {
                throw new StoreException("the stored state of " + describe() + " is damaged: " + cursor, e);
            }
        }
    }

    /**
     * Items signalled through a {@link DataSignal}. The signal holds the unconsumed items; the cursor holds a copy,
     * which the engine writes when an item is signalled, so that a restart restores them.
     */
    static final class SignalPart extends EventPart {
        private final DataSignal signal;
        private int seen;
        private List<String> taken = List.of();

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
        void forget() {
            // Only what was seen: an item signalled between the look and the firing waits for the next firing.
            taken = signal.take(seen);
            seen = 0;
        }

        @Override
        void rollback(String before) {
            signal.prepend(taken);
            seen += taken.size();
            taken = List.of();
        }

        @Override
        void write(ObjectNode n) {
            signal.pending().forEach(n.putArray("pending")::add);
        }

        @Override
        void read(JsonNode n) {
            // Stored items are older than any signalled in this process before the engine took the signal over.
            List<String> items = new ArrayList<>();
            n.path("pending").forEach(i -> items.add(i.asText()));
            signal.prepend(items);
            seen = items.size();
        }

        @Override
        String describe() {
            return signal.describe();
        }
    }

    /** New drift reports above a threshold. */
    static final class DriftPart extends EventPart {
        private final DriftTrigger trigger;
        private DriftReport last;
        private String lastFingerprint;
        private String firing;

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
            // Another instance with the same content is the same report, e.g. read again after a restart.
            String fingerprint = fingerprint(r);
            if (fingerprint.equals(lastFingerprint)) {
                return;
            }
            lastFingerprint = fingerprint;
            if (trigger.fires(r)) {
                firing = reasonFor(r);
                eventAt = now;
            }
        }

        private String reasonFor(DriftReport r) {
            return String.format(Locale.ROOT, "drift in '%s': share %.3f%s, %d of %d columns drifted (%s)",
                    r.currentSource(), r.driftShare(),
                    trigger.threshold().isPresent() ? " >= " + trigger.shareThreshold() : "",
                    r.driftedColumns().size(), r.judgedColumns(),
                    r.driftedColumns().stream().limit(10).collect(Collectors.joining(", ")));
        }

        @Override
        boolean happened() {
            return firing != null;
        }

        @Override
        String reason() {
            return firing;
        }

        @Override
        void forget() {
            firing = null;
        }

        @Override
        boolean polled() {
            return true;
        }

        @Override
        void write(ObjectNode n) {
            n.put("report", lastFingerprint);
            n.put("reason", firing);
        }

        @Override
        void read(JsonNode n) {
            last = null;
            lastFingerprint = n.hasNonNull("report") ? n.get("report").asText() : null;
            firing = n.hasNonNull("reason") ? n.get("reason").asText() : null;
        }

        @Override
        String describe() {
            return "the drift trigger (" + trigger.describe() + ")";
        }
    }

    /** New live metrics failing a gate. */
    static final class GatePart extends EventPart {
        private final GateTrigger trigger;
        private Map<String, Double> last;
        private String failed;

        GatePart(GateTrigger trigger) {
            this.trigger = trigger;
        }

        @Override
        void observe(Instant now) {
            Map<String, ? extends Number> values = trigger.metrics().get();
            if (values == null) {
                return;
            }
            Map<String, Double> seen = new TreeMap<>();
            values.forEach((k, v) -> seen.put(k, v == null ? Double.NaN : v.doubleValue()));
            if (seen.equals(last)) {
                return;
            }
            last = seen;
            GateResult result = trigger.gate().evaluate(values);
            if (!result.passed()) {
                failed = "gate '" + result.gate() + "' failed on live metrics: " + result.failures().stream()
                        .map(EventParts::describe).collect(Collectors.joining("; "));
                eventAt = now;
            }
        }

        @Override
        boolean happened() {
            return failed != null;
        }

        @Override
        String reason() {
            return failed;
        }

        @Override
        void forget() {
            failed = null;
        }

        @Override
        boolean polled() {
            return true;
        }

        @Override
        void write(ObjectNode n) {
            if (last != null) {
                ObjectNode m = n.putObject("metrics");
                // As text, so that NaN and infinities survive JSON.
                last.forEach((k, v) -> m.put(k, v.toString()));
            }
            n.put("reason", failed);
        }

        @Override
        void read(JsonNode n) {
            if (n.has("metrics")) {
                Map<String, Double> m = new TreeMap<>();
                n.get("metrics").fields().forEachRemaining(e -> m.put(e.getKey(), Double.valueOf(e.getValue().asText())));
                last = m;
            } else {
                last = null;
            }
            failed = n.hasNonNull("reason") ? n.get("reason").asText() : null;
        }

        @Override
        String describe() {
            return "the gate trigger (" + trigger.describe() + ")";
        }
    }

    private static String describe(ConditionResult c) {
        return c.condition() + (c.observed() == null ? "" : " (observed " + c.observed() + ")");
    }

    /** @return a digest of the report's content, to know it again after a restart without storing it whole */
    static String fingerprint(DriftReport r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(r.toJson().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
