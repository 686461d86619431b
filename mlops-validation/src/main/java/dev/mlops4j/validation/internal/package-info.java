/**
 * Implementation details of mlops-validation: readers, converters, accumulators, sketches' state, JSON
 * forms, the row-expression parser and the uniqueness counter.
 *
 * <p><strong>Unstable:</strong> nothing here is API. Classes are public only so the sibling packages can use
 * them; they may change or disappear in any release.
 */
package dev.mlops4j.validation.internal;
