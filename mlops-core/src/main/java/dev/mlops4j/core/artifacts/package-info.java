/**
 * Artifact stores: where the bytes of logged artifacts live, addressed by their SHA-256.
 *
 * <p>A run's artifact tree (its names) is kept by the {@link dev.mlops4j.spi.MetadataStore}; each name points to a
 * blob here, stored once per distinct content. {@link dev.mlops4j.core.artifacts.FileArtifactStore} keeps blobs as
 * files under a home directory and is the default whenever a home directory is configured;
 * {@link dev.mlops4j.core.artifacts.InMemoryArtifactStore} keeps them in memory for {@code Mlops.inMemory()}.
 * Both verify content while it is read and throw {@link dev.mlops4j.ArtifactIntegrityException} instead of
 * returning damaged bytes.
 *
 * <p>This package is public and stable: applications may construct these stores and pass them to
 * {@code Mlops.builder().artifactStore(...)}.
 */
package dev.mlops4j.core.artifacts;
