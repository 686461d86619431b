-- mlops4j schema version 5: run artifacts by content hash.
--
-- Lineage retention must never delete a blob that a tracking run still names outside lineage, so before deleting it
-- looks up every run artifact with the blobs' SHA-256 hashes (MetadataStore.findArtifactsByHash). Without this
-- index that lookup scans every run artifact ever logged, once per 500 hashes. Idempotent, in SQL that H2 2.x and
-- PostgreSQL both accept (see V1).

CREATE INDEX IF NOT EXISTS mlops_artifacts_sha256 ON mlops_artifacts (sha256);
