package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-value checks of one schema column during a validation pass (range, domain, NaN, type), with
 * counts and samples of offenders. Counts of missing and invalid cells come from the profile of the same pass;
 * this class only keeps their samples.
 */
public final class ColumnRule {
    private final String name;
    private final int column;
    private final ColumnType type;
    private final double min;
    private final double max;
    private final Set<String> domain;
    private final boolean sampleNaN;
    private final int maxSamples;

    long below;
    long above;
    long outsideDomain;
    final SampleList belowSamples;
    final SampleList aboveSamples;
    final SampleList domainSamples;
    final SampleList nanSamples;
    final SampleList invalidSamples;
    final SampleList missingSamples;

    /**
     * @param name column name
     * @param column column index in the rows
     * @param type column type
     * @param min smallest allowed value, or -infinity
     * @param max largest allowed value, or +infinity
     * @param domain allowed categorical values, or {@code null}
     * @param disallowNaN whether NaN is an anomaly
     * @param maxSamples samples kept per kind
     */
    public ColumnRule(String name, int column, ColumnType type, double min, double max, List<String> domain,
            boolean disallowNaN, int maxSamples) {
        this.name = name;
        this.column = column;
        this.type = type;
        this.min = min;
        this.max = max;
        this.domain = domain == null ? null : new HashSet<>(domain);
        this.sampleNaN = disallowNaN;
        this.maxSamples = maxSamples;
        belowSamples = new SampleList(maxSamples);
        aboveSamples = new SampleList(maxSamples);
        domainSamples = new SampleList(maxSamples);
        nanSamples = new SampleList(maxSamples);
        invalidSamples = new SampleList(maxSamples);
        missingSamples = new SampleList(maxSamples);
    }

    /** @return a fresh rule with the same settings for another part of the data */
    ColumnRule fresh() {
        return new ColumnRule(name, column, type, min, max, domain == null ? null : List.copyOf(domain), sampleNaN,
                maxSamples);
    }

    /** @param row the next well-formed row */
    public void accept(Row row) {
        int c = column;
        if (row.isPresent(c)) {
            if (domain != null) {
                String s = row.stringValue(c);
                if (!domain.contains(s)) {
                    outsideDomain++;
                    domainSamples.add(s, row.lineNumber());
                }
            } else if (type.isOrdered()) {
                double v = row.doubleValue(c);
                if (v < min) {
                    below++;
                    if (belowSamples.wantsMore()) {
                        belowSamples.add(row.format(c, type), row.lineNumber());
                    }
                } else if (v > max) {
                    above++;
                    if (aboveSamples.wantsMore()) {
                        aboveSamples.add(row.format(c, type), row.lineNumber());
                    }
                } else if (v != v && sampleNaN) {
                    nanSamples.add("NaN", row.lineNumber());
                }
            }
        } else if (row.isMissing(c)) {
            if (missingSamples.wantsMore()) {
                missingSamples.add("null", row.lineNumber());
            }
        } else if (invalidSamples.wantsMore()) {
            invalidSamples.add(row.invalidText(c), row.lineNumber());
        }
    }

    /**
     * @param later the same rule's state over a later part of the data
     * @return this rule, now covering both
     */
    ColumnRule absorb(ColumnRule later) {
        below += later.below;
        above += later.above;
        outsideDomain += later.outsideDomain;
        belowSamples.addAll(later.belowSamples);
        aboveSamples.addAll(later.aboveSamples);
        domainSamples.addAll(later.domainSamples);
        nanSamples.addAll(later.nanSamples);
        invalidSamples.addAll(later.invalidSamples);
        missingSamples.addAll(later.missingSamples);
        return this;
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return values below the minimum */
    public long below() {
        return below;
    }

    /** @return values above the maximum */
    public long above() {
        return above;
    }

    /** @return categorical values outside the domain */
    public long outsideDomain() {
        return outsideDomain;
    }

    /** @return samples below the minimum */
    public SampleList belowSamples() {
        return belowSamples;
    }

    /** @return samples above the maximum */
    public SampleList aboveSamples() {
        return aboveSamples;
    }

    /** @return samples outside the domain */
    public SampleList domainSamples() {
        return domainSamples;
    }

    /** @return samples of NaN */
    public SampleList nanSamples() {
        return nanSamples;
    }

    /** @return samples of wrong-typed values */
    public SampleList invalidSamples() {
        return invalidSamples;
    }

    /** @return samples of missing values (their lines) */
    public SampleList missingSamples() {
        return missingSamples;
    }
}
