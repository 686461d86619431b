/**
 * The run-search language: MLflow's filter syntax ({@code metrics.}, {@code params.}, {@code tags.},
 * {@code attributes.}, comparisons, {@code LIKE}/{@code ILIKE}, {@code IN}, {@code IS NULL}) plus
 * {@code OR}, {@code NOT} and parentheses, parsed into a {@link dev.mlops4j.search.Filter} tree that each
 * store translates into its own query language (parameterized SQL for JDBC stores).
 */
package dev.mlops4j.search;
