/**
 * Internal, unstable: the reference evaluator of the run-search language.
 *
 * <p>{@link dev.mlops4j.core.internal.search.RunMatcher} turns a parsed {@link dev.mlops4j.search.Filter} into a
 * predicate over {@link dev.mlops4j.tracking.RunRecord}s, {@link dev.mlops4j.core.internal.search.RunOrdering}
 * turns {@link dev.mlops4j.search.OrderBy} keys into a comparator, and
 * {@link dev.mlops4j.core.internal.search.LikePattern} compiles LIKE/ILIKE patterns. The in-memory store uses them
 * directly; they are also the executable definition of the search semantics that every other store (SQL
 * translations included) must reproduce: absent values fail every comparison, NaN fails everything but
 * {@code !=}, missing values and NaN sort last in both directions, ties break by start time descending then run id.
 *
 * <p>Nothing here is part of the public API; names and signatures may change in any release.
 */
package dev.mlops4j.core.internal.search;
