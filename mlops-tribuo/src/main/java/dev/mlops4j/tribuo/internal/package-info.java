/**
 * Implementation details of mlops-tribuo: provenance walking, JSON settings, the model-file class-name scanner,
 * metric naming and evaluation bookkeeping. Unstable: these types may change in any release; use the types in
 * {@link dev.mlops4j.tribuo} instead.
 */
package dev.mlops4j.tribuo.internal;
