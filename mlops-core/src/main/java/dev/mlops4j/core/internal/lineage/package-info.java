/** The engine's {@link dev.mlops4j.lineage.Lineage}: graph walks, integrity checks and retention over the stores. */
package dev.mlops4j.core.internal.lineage;
