package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered list of distinct feature names: the positions of a {@link FeatureVector}'s values. A model's own layout
 * ({@link LoadedModel#featureLayout()}, {@code ModelHandle.layout()}) is the order it reads features in, so a vector
 * built on it reaches the model without any lookup by name:
 *
 * <pre>{@code
 * FeatureLayout layout = handle.layout();                       // once
 * FeatureVector row = layout.vector(Map.of("alcohol", 13.2, ...)); // or layout.vector(double[]) in that order
 * Prediction p = handle.predict(row);                            // checked, no map lookups
 * }</pre>
 *
 * Immutable and thread-safe; create it once and share it. Checking the names costs a hash map, which is why vectors
 * are built from a layout rather than from a list of names each time.
 */
public final class FeatureLayout {
    private final String[] names;
    private final List<String> list;
    private final Map<String, Integer> index;
    private final int hash;

    private FeatureLayout(String[] names) {
        this.names = names;
        this.list = List.of(names);
        Map<String, Integer> idx = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            if (idx.put(names[i], i) != null) {
                throw new InvalidInputException("feature '" + names[i] + "' appears twice in the layout "
                        + abbreviated() + "; every name must be distinct");
            }
        }
        this.index = idx;
        this.hash = Arrays.hashCode(names);
    }

    /**
     * @param names distinct feature names, in the order of the vectors' values
     * @return the layout
     * @throws InvalidInputException if a name appears twice
     */
    public static FeatureLayout of(List<String> names) {
        Objects.requireNonNull(names, "names");
        String[] array = names.toArray(String[]::new);
        for (String n : array) {
            Objects.requireNonNull(n, "a feature name of the layout is null");
        }
        return new FeatureLayout(array);
    }

    /** @return the names, in order */
    public List<String> names() {
        return list;
    }

    /** @return how many features */
    public int size() {
        return names.length;
    }

    /** @param position a position in {@code [0, size())} @return the name there */
    public String name(int position) {
        return names[position];
    }

    /** @param name a feature name @return its position, or -1 if the layout does not have it */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * A vector with every feature present.
     *
     * @param values one value per feature, in this layout's order (copied)
     * @return the vector
     * @throws InvalidInputException if the number of values differs from {@link #size()}
     */
    public FeatureVector vector(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != names.length) {
            throw new InvalidInputException("a vector on this layout needs " + names.length + " values in the order "
                    + abbreviated() + ", got " + values.length);
        }
        return new FeatureVector(this, values.clone(), null, Map.of());
    }

    /**
     * A vector from named values: the layout's features take their positions; features absent from the map (or
     * mapped to {@code null}) are absent from the vector; names the layout does not have are kept aside as unknown
     * features, so that an input check can report them rather than have them silently dropped.
     *
     * @param features feature name to value
     * @return the vector
     */
    public FeatureVector vector(Map<String, ? extends Number> features) {
        Objects.requireNonNull(features, "features");
        double[] values = new double[names.length];
        long[] absent = null;
        int found = 0;
        for (int i = 0; i < names.length; i++) {
            Number v = features.get(names[i]);
            if (v == null) {
                if (absent == null) {
                    absent = new long[(names.length + 63) >>> 6];
                }
                absent[i >>> 6] |= 1L << i;
            } else {
                values[i] = v.doubleValue();
                found++;
            }
        }
        Map<String, Double> unknown = Map.of();
        if (found < features.size()) {
            Map<String, Double> extra = new HashMap<>();
            for (Map.Entry<String, ? extends Number> e : features.entrySet()) {
                if (e.getKey() == null) {
                    throw new InvalidInputException("a feature name in the input is null (value " + e.getValue()
                            + "); every feature needs its name");
                }
                if (e.getValue() != null && indexOf(e.getKey()) < 0) {
                    extra.put(e.getKey(), e.getValue().doubleValue());
                }
            }
            unknown = Map.copyOf(extra);
        }
        return new FeatureVector(this, values, absent, unknown);
    }

    /**
     * Two layouts are equal if they have the same names in the same order.
     *
     * @param o another object
     * @return true if {@code o} is an equal layout
     */
    @Override
    public boolean equals(Object o) {
        return o == this || (o instanceof FeatureLayout other && hash == other.hash && Arrays.equals(names, other.names));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** @return the names, abbreviated after 10 */
    @Override
    public String toString() {
        return "FeatureLayout" + abbreviated();
    }

    private String abbreviated() {
        return names.length <= 10 ? Arrays.toString(names)
                : Arrays.toString(Arrays.copyOf(names, 10)).replace("]", ", ... (" + names.length + " in all)]");
    }
}
