/**
 * Helpers shared by the API's value types, not part of the API: they may change in any release. Today the text tables
 * that the {@code toString()} of runs, comparisons and audit trails print, which is what JShell and notebooks show.
 */
package dev.mlops4j.internal;
