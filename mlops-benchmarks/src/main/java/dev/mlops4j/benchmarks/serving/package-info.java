/**
 * JMH benchmarks of in-process serving: {@code ModelHandle.predict} (input checks on) against bare Tribuo
 * {@code Model.predict} on the same wine example in the same JVM, and alias resolution. Results and commands are in
 * BENCHMARKS.md, section "Serving".
 */
package dev.mlops4j.benchmarks.serving;
