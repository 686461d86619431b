/**
 * The mlops4j entry point and tracking API.
 *
 * <p>{@link dev.mlops4j.Mlops} opens a store (embedded H2 by default, in-memory for tests, a JDBC
 * database for teams). An {@link dev.mlops4j.Experiment} groups {@link dev.mlops4j.Run runs}; a run
 * records immutable params, metric histories, mutable tags and content-addressed artifacts, and may
 * have nested runs. {@link dev.mlops4j.Runs} reads them back and searches them with MLflow's filter
 * syntax (see {@link dev.mlops4j.search.Filter}).
 *
 * <p>Failures are {@link dev.mlops4j.MlopsException}s, one small hierarchy grouped by what the caller
 * can do about them. Data types returned to callers are immutable records in
 * {@link dev.mlops4j.tracking}.
 */
package dev.mlops4j;
