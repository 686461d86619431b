/**
 * Gate assertions for tests: make a project's test suite, and so its CI, fail when a model falls below its quality
 * gate. {@link dev.mlops4j.junit.GateAssertions} is the entry point; failures are AssertJ assertion errors whose
 * message is the gate's full result table.
 */
package dev.mlops4j.junit;
