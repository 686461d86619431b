/**
 * Lineage in the style of ML Metadata: {@link dev.mlops4j.lineage.Artifact artifacts} (data sets, profiles, models,
 * files) identified by content fingerprints, {@link dev.mlops4j.lineage.Execution executions} (step runs) in the
 * states ML Metadata names, {@link dev.mlops4j.lineage.Event events} saying which execution read or produced which
 * artifact, and {@link dev.mlops4j.lineage.Context contexts} grouping executions by pipeline run, pipeline and
 * experiment. An execution is always written with its events and new artifacts in one atomic
 * {@link dev.mlops4j.lineage.ExecutionRecord}, so a reader never sees half a step.
 *
 * <p>Unlike ML Metadata, retention is part of the model: {@link dev.mlops4j.lineage.Lineage#collectGarbage} deletes
 * old contents but keeps their records (state DELETED), so the graph answering "which data made this model?" stays
 * whole and caches never reuse a deleted artifact.
 */
package dev.mlops4j.lineage;
