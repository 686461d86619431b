/**
 * Implementation of drift detection: the per-column view of a profile, binning, the statistics, the
 * Kolmogorov-Smirnov p-values, per-column comparison and the passes behind segments and windows.
 *
 * <p><strong>Unstable:</strong> nothing here is API. Classes are public only so that
 * {@link dev.mlops4j.validation.drift} can use them; they may change or disappear in any release.
 */
package dev.mlops4j.validation.drift.internal;
