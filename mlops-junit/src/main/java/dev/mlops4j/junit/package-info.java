/**
 * Quality gates in tests: make a project's test suite, and so its CI, fail when a model falls below its quality
 * gate. Two styles:
 * <ul>
 *   <li>{@link dev.mlops4j.junit.GateAssertions}: AssertJ assertions ({@code assertThatModel(run).passes(gate)}),
 *       failing at once with the gate's full result table;</li>
 *   <li>{@link dev.mlops4j.junit.QualityGateExtension}: a JUnit 5 extension injecting
 *       {@link dev.mlops4j.junit.GateChecks}, which checks every gate without stopping, publishes each result table
 *       as a report entry and fails the test after its body, listing all failed gates.</li>
 * </ul>
 */
package dev.mlops4j.junit;
