/**
 * JMH benchmarks of mlops-validation (profiling and validating 1,000,000 rows x 20 mixed columns from memory
 * and from CSV) and {@link dev.mlops4j.benchmarks.validation.ProfileLargeCsv}, a program that profiles a CSV
 * file many times larger than the heap. Results and commands are in BENCHMARKS.md, section "Data validation".
 */
package dev.mlops4j.benchmarks.validation;
