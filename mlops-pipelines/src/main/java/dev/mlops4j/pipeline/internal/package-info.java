/** The pipeline engine: scheduling, cache keys, code fingerprints, persistence of outputs. Unstable; not API. */
package dev.mlops4j.pipeline.internal;
