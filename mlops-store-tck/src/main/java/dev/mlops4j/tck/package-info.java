/**
 * The conformance suites (TCK) of the mlops4j store SPI, published as a library so that every store
 * implementation, ours and third parties', is held to the same contract.
 *
 * <p>{@link dev.mlops4j.tck.MetadataStoreTck} checks a {@link dev.mlops4j.spi.MetadataStore};
 * {@link dev.mlops4j.tck.ArtifactStoreTck} checks an {@link dev.mlops4j.spi.ArtifactStore}. Both are abstract
 * JUnit Jupiter classes whose tests are grouped in {@code @Nested} classes: an implementer extends one in its
 * own test sources, says how to open a fresh store, and runs it with its normal build. The tests live in
 * {@code src/main/java} (like Guava's testlib and the JCache TCK) so that implementers only add a
 * test-scoped dependency on {@code dev.mlops4j:mlops-store-tck}.
 *
 * <p>Types other than the two suites are package-private support code and not part of the API.
 */
package dev.mlops4j.tck;
