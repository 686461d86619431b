-- mlops4j schema version 4: executions by state.
--
-- Executions now move through a lifecycle (RUNNING when a step starts, then COMPLETE, FAILED, CANCELED or CACHED),
-- and every open looks for executions still RUNNING whose tracking run has ended (a process died in a step) to mark
-- them FAILED. RUNNING executions are few among many ended ones, so that lookup needs this index rather than a scan
-- of every execution ever recorded. Idempotent, in SQL that H2 2.x and PostgreSQL both accept (see V1).

CREATE INDEX IF NOT EXISTS mlops_lineage_executions_state ON mlops_lineage_executions (state);
