/**
 * Immutable values of run tracking: experiments, runs and their attributes, metric points, artifacts,
 * batches, pages of results, and the documented {@link dev.mlops4j.tracking.Limits limits} on keys and values.
 *
 * <p>Times have millisecond precision (what the stores keep), so a value read back equals the value written.
 */
package dev.mlops4j.tracking;
