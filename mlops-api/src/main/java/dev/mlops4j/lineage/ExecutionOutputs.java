package dev.mlops4j.lineage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An execution with the artifacts it produced (or, when CACHED, reused), by the names of its OUTPUT events: what a
 * cache lookup needs of a candidate execution, read in one consistent step
 * ({@link Lineage#executionsWithOutputs}).
 *
 * @param execution the execution
 * @param outputs its output artifacts by event name, in name order (if one name has several artifacts, the one with
 *     the greatest id)
 */
public record ExecutionOutputs(Execution execution, Map<String, Artifact> outputs) {

    /** Copies the outputs. */
    public ExecutionOutputs {
        Objects.requireNonNull(execution, "execution");
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }
}
