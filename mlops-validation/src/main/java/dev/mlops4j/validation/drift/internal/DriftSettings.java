package dev.mlops4j.validation.drift.internal;

import dev.mlops4j.validation.drift.Binning;
import dev.mlops4j.validation.drift.DriftMethod;
import dev.mlops4j.validation.drift.DriftPreset;
import dev.mlops4j.validation.drift.Monitor;
import dev.mlops4j.validation.drift.MultipleTesting;
import dev.mlops4j.validation.drift.Thresholds;
import java.util.Map;
import java.util.Set;

/**
 * Everything a comparison needs to know, resolved from a preset and the overrides. Immutable.
 *
 * @param preset the preset the defaults come from
 * @param minSampleSize values needed on each side
 * @param binning binning of ordered columns
 * @param bins bin count
 * @param logBase log base of the Jensen-Shannon methods
 * @param psiEpsilon share of an empty PSI bin
 * @param valueBinLimit ordered columns with at most this many reference values are binned by value
 * @param multipleTesting correction of the deciding tests' p-values
 * @param driftShare share of judged columns that makes the data set drift
 * @param measureAll whether every applicable method is measured besides the deciding one
 * @param methodThresholds thresholds per method
 * @param defaultMethod the method for every column it applies to, or {@code null} for the preset's choice
 * @param columnMethods methods per column, required: one that does not apply to the column is an error
 * @param preferredMethods methods per column used where they apply (windows fix each column's method this way)
 * @param columnThresholds thresholds per column (for its deciding method)
 * @param monitorThresholds thresholds per monitor
 * @param ignored columns left out
 * @param included the only columns compared, or {@code null} for all
 */
public record DriftSettings(DriftPreset preset, int minSampleSize, Binning binning, int bins, double logBase,
        double psiEpsilon, int valueBinLimit, MultipleTesting multipleTesting, double driftShare, boolean measureAll,
        Map<DriftMethod, Thresholds> methodThresholds, DriftMethod defaultMethod,
        Map<String, DriftMethod> columnMethods, Map<String, DriftMethod> preferredMethods,
        Map<String, Thresholds> columnThresholds, Map<Monitor, Thresholds> monitorThresholds, Set<String> ignored,
        Set<String> included) {

    public DriftSettings {
        methodThresholds = Map.copyOf(methodThresholds);
        columnMethods = Map.copyOf(columnMethods);
        preferredMethods = Map.copyOf(preferredMethods);
        columnThresholds = Map.copyOf(columnThresholds);
        monitorThresholds = Map.copyOf(monitorThresholds);
        ignored = Set.copyOf(ignored);
        included = included == null ? null : Set.copyOf(included);
    }

    /**
     * @param preferred methods per column, used where they apply
     * @return these settings with them
     */
    public DriftSettings withPreferredMethods(Map<String, DriftMethod> preferred) {
        return new DriftSettings(preset, minSampleSize, binning, bins, logBase, psiEpsilon, valueBinLimit,
                multipleTesting, driftShare, measureAll, methodThresholds, defaultMethod, columnMethods, preferred,
                columnThresholds, monitorThresholds, ignored, included);
    }

    /**
     * @param column a column left out
     * @return these settings without it
     */
    public DriftSettings withIgnored(String column) {
        java.util.Set<String> more = new java.util.HashSet<>(ignored);
        more.add(column);
        return new DriftSettings(preset, minSampleSize, binning, bins, logBase, psiEpsilon, valueBinLimit,
                multipleTesting, driftShare, measureAll, methodThresholds, defaultMethod, columnMethods,
                preferredMethods, columnThresholds, monitorThresholds, more, included);
    }

    /**
     * @param column a column name
     * @return whether it is compared
     */
    public boolean compares(String column) {
        return !ignored.contains(column) && (included == null || included.contains(column));
    }

    /**
     * @param method a method
     * @return its thresholds (override, else the preset's)
     */
    public Thresholds thresholds(DriftMethod method) {
        Thresholds t = methodThresholds.get(method);
        return t != null ? t : preset.thresholds(method);
    }

    /**
     * @param monitor a monitor
     * @return its thresholds
     */
    public Thresholds thresholds(Monitor monitor) {
        Thresholds t = monitorThresholds.get(monitor);
        return t != null ? t : monitor.defaultThresholds();
    }
}
