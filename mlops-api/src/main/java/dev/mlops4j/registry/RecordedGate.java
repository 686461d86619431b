package dev.mlops4j.registry;

import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.gate.GateRecorder;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A gate outcome recorded on a model version (copied from its run at registration, or written by a promotion that
 * evaluated a gate), read from the tags {@code gate.<name>.status} and {@code gate.<name>.summary} that
 * {@link GateRecorder} defines.
 *
 * @param gate the gate's name
 * @param status PASSED or FAILED
 * @param summary the counts of passed, failed and skipped conditions and the champion, {@code ""} if not recorded
 */
public record RecordedGate(String gate, ConditionStatus status, String summary) {
    public RecordedGate {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(status, "status");
        summary = summary == null ? "" : summary;
    }

    /**
     * @param tags a version's or run's tags
     * @return the gates recorded in them, by gate name
     */
    public static Map<String, RecordedGate> fromTags(Map<String, String> tags) {
        Map<String, RecordedGate> gates = new TreeMap<>();
        String suffix = ".status";
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(GateRecorder.PREFIX) && key.endsWith(suffix)
                    && key.length() > GateRecorder.PREFIX.length() + suffix.length()) {
                String name = key.substring(GateRecorder.PREFIX.length(), key.length() - suffix.length());
                ConditionStatus status;
                try {
                    status = ConditionStatus.valueOf(e.getValue());
                } catch (IllegalArgumentException notAStatus) {
                    continue; // a user tag that happens to look like a gate tag
                }
                gates.put(name, new RecordedGate(name, status,
                        tags.getOrDefault(GateRecorder.PREFIX + name + ".summary", "")));
            }
        }
        return gates;
    }

    /**
     * @return the two tags that record this outcome
     */
    public Map<String, String> toTags() {
        return Map.of(GateRecorder.PREFIX + gate + ".status", status.name(),
                GateRecorder.PREFIX + gate + ".summary", summary);
    }
}
