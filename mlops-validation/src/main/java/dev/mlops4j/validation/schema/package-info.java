/**
 * Schemas: what valid data looks like, as in TensorFlow Data Validation. A
 * {@link dev.mlops4j.validation.schema.Schema} lists expected columns
 * ({@link dev.mlops4j.validation.schema.ColumnSchema}) with type, presence, missing-value limit, range,
 * categorical domain, distinct-count bounds, environments ({@link dev.mlops4j.validation.schema.Environment},
 * e.g. a label expected in TRAINING but not in SERVING) and severity.
 *
 * <p>Schemas are inferred from a profile ({@link dev.mlops4j.validation.schema.SchemaInference}), then
 * reviewed and edited fluently ({@link dev.mlops4j.validation.schema.ColumnEditor}) or as versioned,
 * human-editable JSON.
 */
package dev.mlops4j.validation.schema;
