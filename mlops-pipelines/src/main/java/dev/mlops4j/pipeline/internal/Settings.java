package dev.mlops4j.pipeline.internal;

import dev.mlops4j.Mlops;
import dev.mlops4j.pipeline.Pipeline;
import dev.mlops4j.pipeline.PipelineHook;
import dev.mlops4j.pipeline.Sleeper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The frozen settings of one pipeline run.
 *
 * @param pipeline what to run
 * @param mlops where to record
 * @param experiment experiment name
 * @param runName tracking run name
 * @param executor step executor, null for sequential on the calling thread
 * @param cache whether cached results may be reused
 * @param hooks hooks
 * @param inputs values of pipeline inputs by name
 * @param resumeRunId earlier pipeline run to resume, or null
 * @param sleeper waits between retries
 * @param tags tags of the pipeline's tracking run
 * @param clock clock of execution times and staleness
 */
public record Settings(Pipeline pipeline, Mlops mlops, String experiment, String runName, Executor executor,
                       boolean cache, List<PipelineHook> hooks, Map<String, Object> inputs, String resumeRunId,
                       Sleeper sleeper, Map<String, String> tags, java.time.Clock clock) {
}
