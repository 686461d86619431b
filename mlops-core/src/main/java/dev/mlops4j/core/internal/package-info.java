/**
 * The engine behind the {@code dev.mlops4j} API: {@link dev.mlops4j.core.internal.CoreEngine} (found by
 * {@link java.util.ServiceLoader} as the {@link dev.mlops4j.spi.MlopsEngine}) opens a
 * {@code CoreMlops}, which chooses the metadata and artifact stores, registers itself as
 * the owner of the runs it starts (with a heartbeat, so that other processes can tell when it has died), and
 * hands out experiments, runs and queries that validate every input before anything reaches a store.
 *
 * <p><b>Internal and unstable:</b> nothing in this package or its sub-packages is part of the public API; names and
 * behaviour may change in any release. Program against the interfaces in {@code dev.mlops4j}.
 */
package dev.mlops4j.core.internal;
