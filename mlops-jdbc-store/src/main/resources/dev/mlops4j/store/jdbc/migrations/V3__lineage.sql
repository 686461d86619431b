-- mlops4j schema version 3: lineage in the style of ML Metadata (artifacts, executions, events, contexts).
--
-- Written in SQL that H2 2.x and PostgreSQL both accept, every statement idempotent (see V1). Ids are chosen by
-- the writer (32 hex characters), so an execution with its events and new artifacts is one batch of INSERTs in one
-- transaction. Records are never updated except an artifact's state (LIVE -> DELETED) by retention.

CREATE TABLE IF NOT EXISTS mlops_lineage_contexts (
    context_id VARCHAR(32) NOT NULL PRIMARY KEY,
    context_type VARCHAR(1000) NOT NULL,
    context_name VARCHAR(1000) NOT NULL,
    created_at BIGINT NOT NULL,
    CONSTRAINT mlops_lineage_contexts_type_name UNIQUE (context_type, context_name)
);

CREATE TABLE IF NOT EXISTS mlops_lineage_artifacts (
    artifact_id VARCHAR(32) NOT NULL PRIMARY KEY,
    artifact_type VARCHAR(1000) NOT NULL,
    uri VARCHAR(1000) NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    state VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS mlops_lineage_artifacts_uri ON mlops_lineage_artifacts (uri);
CREATE INDEX IF NOT EXISTS mlops_lineage_artifacts_fingerprint ON mlops_lineage_artifacts (fingerprint);
CREATE INDEX IF NOT EXISTS mlops_lineage_artifacts_created ON mlops_lineage_artifacts (created_at);

CREATE TABLE IF NOT EXISTS mlops_lineage_artifact_properties (
    artifact_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_artifacts (artifact_id),
    prop_key VARCHAR(1000) NOT NULL,
    prop_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (artifact_id, prop_key)
);

CREATE TABLE IF NOT EXISTS mlops_lineage_executions (
    execution_id VARCHAR(32) NOT NULL PRIMARY KEY,
    execution_type VARCHAR(1000) NOT NULL,
    state VARCHAR(16) NOT NULL,
    cache_key VARCHAR(1000) NOT NULL,
    run_id VARCHAR(1000) NOT NULL,
    started_at BIGINT NOT NULL,
    ended_at BIGINT
);

-- The cache lookup of every pipeline step: COMPLETE executions with a cache key, newest first. The state is in the
-- index so the CACHED executions each re-run adds under the same key do not slow the lookup down.
CREATE INDEX IF NOT EXISTS mlops_lineage_executions_cache ON mlops_lineage_executions (cache_key, state, started_at);
CREATE INDEX IF NOT EXISTS mlops_lineage_executions_type ON mlops_lineage_executions (execution_type, started_at);

CREATE TABLE IF NOT EXISTS mlops_lineage_execution_properties (
    execution_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_executions (execution_id),
    prop_key VARCHAR(1000) NOT NULL,
    prop_value VARCHAR(1000) NOT NULL,
    PRIMARY KEY (execution_id, prop_key)
);

CREATE TABLE IF NOT EXISTS mlops_lineage_events (
    execution_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_executions (execution_id),
    artifact_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_artifacts (artifact_id),
    event_type VARCHAR(8) NOT NULL,
    event_name VARCHAR(1000) NOT NULL,
    event_time BIGINT NOT NULL,
    PRIMARY KEY (execution_id, event_type, event_name, artifact_id)
);

CREATE INDEX IF NOT EXISTS mlops_lineage_events_artifact ON mlops_lineage_events (artifact_id);

CREATE TABLE IF NOT EXISTS mlops_lineage_attributions (
    context_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_contexts (context_id),
    execution_id VARCHAR(32) NOT NULL REFERENCES mlops_lineage_executions (execution_id),
    PRIMARY KEY (context_id, execution_id)
);

CREATE INDEX IF NOT EXISTS mlops_lineage_attributions_execution ON mlops_lineage_attributions (execution_id);
