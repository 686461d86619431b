/**
 * Lineage in the style of ML Metadata: {@link dev.mlops4j.lineage.Artifact artifacts} (data sets, profiles, models,
 * files) identified by content fingerprints, {@link dev.mlops4j.lineage.Execution executions} (step runs) in the
 * states ML Metadata names, {@link dev.mlops4j.lineage.Event events} saying which execution read or produced which
 * artifact, and {@link dev.mlops4j.lineage.Context contexts} grouping executions by pipeline run, pipeline and
 * experiment. An execution is always written with its events and new artifacts in one atomic
 * {@link dev.mlops4j.lineage.ExecutionRecord}, so a reader never sees half a step.
 *
 * <p>Executions follow ML Metadata's lifecycle, checked by every store ({@link
 * dev.mlops4j.lineage.ExecutionState#canMoveTo}): a pipeline step is recorded RUNNING with its input events when it
 * starts and {@link dev.mlops4j.lineage.Lineage#update updated} once, atomically, to COMPLETE with its outputs, or to
 * FAILED or CANCELED; a cache hit is recorded CACHED directly, and a step that never started CANCELED with the
 * reason. An execution whose tracking run has ended while it was still RUNNING (its process died) is marked FAILED,
 * with an {@code abandoned} property saying why, when orphaned runs are recovered (by default when {@code Mlops}
 * opens). {@link dev.mlops4j.lineage.Lineage#recordAll recordAll} writes several executions, new contexts and
 * already-ended child runs in one transaction: how a pipeline records a run's consecutive cache hits in one commit;
 * {@link dev.mlops4j.lineage.Lineage#recordEndedRun recordEndedRun} also creates their top-level run, ended, with its
 * summary metrics: how a pipeline run in which every step was a cache hit is one commit in all.
 *
 * <p>Unlike ML Metadata, retention is part of the model: {@link dev.mlops4j.lineage.Lineage#collectGarbage} deletes
 * old contents but keeps their records (state DELETED), so the graph answering "which data made this model?" stays
 * whole and caches never reuse a deleted artifact.
 */
package dev.mlops4j.lineage;
