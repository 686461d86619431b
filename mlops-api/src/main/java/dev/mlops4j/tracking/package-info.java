/**
 * Immutable values of run tracking: experiments, runs and their attributes, metric points, artifacts,
 * batches, pages of results, {@link dev.mlops4j.tracking.RunComparison comparisons} of runs, and the documented
 * {@link dev.mlops4j.tracking.Limits limits} on keys and values.
 *
 * <p>What a notebook user inspects prints readably: runs, pages and comparisons as aligned text tables, the other
 * values as one line each.
 *
 * <p>Times have millisecond precision (what the stores keep), so a value read back equals the value written.
 */
package dev.mlops4j.tracking;
