/**
 * JMH benchmarks of drift detection in mlops-validation: the comparison of two profiles of 1,000,000 rows x 20 mixed
 * columns (sketches), and of two raw data sets of that size (profiling included). Results and commands are in
 * BENCHMARKS.md, section "Drift".
 */
package dev.mlops4j.benchmarks.drift;
