/**
 * Statistics profiles: per data set the row count, per column counts (present, missing, invalid, NaN,
 * zeros), distinct counts (exact under a bound, then HyperLogLog), min, max, mean, standard deviation,
 * quantiles (KLL sketch), an equal-width histogram and the most frequent values.
 *
 * <p>A {@link dev.mlops4j.validation.profile.Profiler} computes a
 * {@link dev.mlops4j.validation.profile.Profile} in one pass and bounded memory. Profiles merge (chunks
 * profiled in parallel, or over time, combine into the profile of the whole within the sketches' errors),
 * serialise to versioned JSON with their sketches, and can be logged on a run. The statistics follow
 * TensorFlow Data Validation's where they overlap; sketches are Apache DataSketches' KLL, HLL and
 * frequent-items sketches.
 */
package dev.mlops4j.validation.profile;
