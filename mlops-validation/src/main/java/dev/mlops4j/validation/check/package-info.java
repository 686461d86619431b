/**
 * Constraint checks, as in Deequ but without Spark: a {@link dev.mlops4j.validation.check.Check} groups
 * constraints (size, completeness, uniqueness, distinct counts, allowed values, ranges, patterns, statistics,
 * quantiles and row expressions) at ERROR or WARNING level; a {@link dev.mlops4j.validation.check.Verification}
 * evaluates every constraint of every check in one pass and returns a
 * {@link dev.mlops4j.validation.check.VerificationResult} with, per constraint, the observed value, the
 * unexpected count and percentage and a few unexpected values (as Great Expectations reports them).
 *
 * <p>Row expressions ({@code satisfies("amount <= limit", "within limit")}) use a small language parsed
 * safely, never evaluated as code: comparisons ({@code = == != <> < <= > >=}) between columns and literals
 * (numbers, {@code 'strings'}, {@code TRUE}/{@code FALSE}, ISO dates for date columns), arithmetic
 * ({@code + - * / %}), {@code [NOT] IN (...)}, {@code IS [NOT] NULL}, {@code AND}/{@code &&},
 * {@code OR}/{@code ||}, {@code NOT}/{@code !} and parentheses; column names with other characters are quoted
 * with backticks. A comparison involving a missing value is false.
 *
 * <p>Uniqueness and exact distinct counts are exact and memory-bounded: 64-bit keys of the distinct values
 * are counted in a hash table up to a budget, then spilled as sorted runs to temporary files and merged
 * (see {@link dev.mlops4j.validation.check.Verification}). Strings are keyed by a 64-bit fingerprint, so two
 * different strings could collide with probability about n²/2⁶⁵.
 *
 * <p>{@link dev.mlops4j.validation.check.ConstraintSuggester} suggests constraints from a profile and prints
 * each as the Java code that adds it.
 */
package dev.mlops4j.validation.check;
