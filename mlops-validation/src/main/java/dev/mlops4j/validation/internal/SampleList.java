package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.report.Anomaly.Sample;
import java.util.ArrayList;
import java.util.List;

/** Keeps the first few offending values with their line numbers, in order of appearance. Bounded; not thread-safe. */
public final class SampleList {
    private final int max;
    private final List<Sample> samples = new ArrayList<>();

    /** @param max most samples kept */
    public SampleList(int max) {
        this.max = max;
    }

    /** @return true if more samples would be kept */
    public boolean wantsMore() {
        return samples.size() < max;
    }

    /**
     * @param value the value as text
     * @param line its line number
     */
    public void add(String value, long line) {
        if (samples.size() >= max) {
            return;
        }
        samples.add(new Sample(value, line));
    }

    /** @param other samples from a later part of the data */
    public void addAll(SampleList other) {
        for (Sample s : other.samples) {
            add(s.value(), s.line());
        }
    }

    /** @return the samples, in order of appearance */
    public List<Sample> samples() {
        return List.copyOf(samples);
    }
}
