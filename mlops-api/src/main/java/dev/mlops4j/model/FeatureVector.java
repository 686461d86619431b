package dev.mlops4j.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One input prepared for prediction: a value per position of a {@link FeatureLayout}, some of which may be absent,
 * plus any named values the layout does not have (kept so that input checks report them). Built by
 * {@link FeatureLayout#vector(double...)} or {@link FeatureLayout#vector(Map)}.
 *
 * <p>A vector on the model's own layout is the fast input: the model reads it without looking names up, and
 * {@code ModelHandle} checks it position by position. A vector on another layout still works; it is translated by
 * name. Immutable and thread-safe, so a prepared vector may be predicted many times, by several threads.
 */
public final class FeatureVector {
    private final FeatureLayout layout;
    private final double[] values;
    /** Bit i set: position i is absent. Null when every position is present (the common, fast case). */
    private final long[] absent;
    private final Map<String, Double> unknown;
    /**
     * The input a flavor last built from this vector, with the key it was built for; see {@link #nativeInput}. Read
     * with acquire and written with release semantics rather than volatile: a volatile write is a full fence (15-20 ns
     * on the reference machine), paid by every vector predicted once, as a handle's own vector of a map input is.
     */
    @SuppressWarnings("unused") // through NATIVE_INPUT
    private NativeInput nativeInput;
    private static final java.lang.invoke.VarHandle NATIVE_INPUT;

    static {
        try {
            NATIVE_INPUT = java.lang.invoke.MethodHandles.lookup().findVarHandle(FeatureVector.class, "nativeInput",
                    NativeInput.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A flavor's framework input and who built it. */
    private record NativeInput(Object key, Object input) {
    }

    FeatureVector(FeatureLayout layout, double[] values, long[] absent, Map<String, Double> unknown) {
        this.layout = layout;
        this.values = values;
        this.absent = absent;
        this.unknown = unknown;
    }

    /** @return the layout the values follow */
    public FeatureLayout layout() {
        return layout;
    }

    /** @return how many positions (the layout's size) */
    public int size() {
        return values.length;
    }

    /**
     * @param position a position of the layout
     * @return its value; 0 for an absent position (check {@link #isPresent(int)})
     */
    public double value(int position) {
        return values[position];
    }

    /** @param position a position of the layout @return true if it has a value */
    public boolean isPresent(int position) {
        Objects.checkIndex(position, values.length);
        return absent == null || (absent[position >>> 6] & (1L << position)) == 0;
    }

    /** @return true if every position has a value and there is no unknown feature */
    public boolean isComplete() {
        return absent == null && unknown.isEmpty();
    }

    /** @return named values that are not in the layout, by name (empty for vectors built from values) */
    public Map<String, Double> unknownFeatures() {
        return unknown;
    }

    /**
     * @param position a position of the layout
     * @return its name (shortcut for {@code layout().name(position)})
     */
    public String name(int position) {
        return layout.name(position);
    }

    /**
     * Copies the values into {@code target}, for flavors that build their framework's input from the vector.
     *
     * @param target an array of at least {@link #size()} elements
     */
    public void copyValues(double[] target) {
        System.arraycopy(values, 0, target, 0, values.length);
    }

    /**
     * The framework's own input built from this vector (a Tribuo {@code Example}, a tensor), built on first use and
     * kept: a prepared vector predicted many times is converted once, as a framework user prepares its input once.
     * The vector keeps one such input, for the last key asked; another key builds (and keeps) its own. Flavors call
     * this; the input they build must never be modified afterwards, since every thread predicting from this vector
     * shares it.
     *
     * @param key identifies what the input was built for, usually the loaded model (compared by identity)
     * @param type the input's class
     * @param build makes the input from this vector; may run more than once if threads race, so it must be pure
     * @param <T> the input type
     * @return the kept or newly built input
     */
    public <T> T nativeInput(Object key, Class<T> type, java.util.function.Function<FeatureVector, ? extends T> build) {
        Objects.requireNonNull(key, "key");
        NativeInput kept = (NativeInput) NATIVE_INPUT.getAcquire(this);
        if (kept != null && kept.key == key && type.isInstance(kept.input)) {
            return type.cast(kept.input);
        }
        T input = Objects.requireNonNull(build.apply(this), "the built input");
        NATIVE_INPUT.setRelease(this, new NativeInput(key, input));
        return input;
    }

    /** @return the present values and the unknown features, by name: a new mutable map */
    public Map<String, Double> toMap() {
        Map<String, Double> out = new HashMap<>((values.length + unknown.size()) * 2);
        for (int i = 0; i < values.length; i++) {
            if (isPresent(i)) {
                out.put(layout.name(i), values[i]);
            }
        }
        out.putAll(unknown);
        return out;
    }

    /**
     * Two vectors are equal if they have equal layouts, the same present positions with the same values (compared
     * as {@link Double#compare} does) and the same unknown features.
     *
     * @param o another object
     * @return true if equal
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof FeatureVector other) || !layout.equals(other.layout) || !unknown.equals(other.unknown)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            boolean present = isPresent(i);
            if (present != other.isPresent(i) || (present && Double.compare(values[i], other.values[i]) != 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    /** @return the values by name */
    @Override
    public String toString() {
        return "FeatureVector" + new java.util.TreeMap<>(toMap()) + (absent == null ? ""
                : " (absent: " + Arrays.stream(layout.names().toArray(String[]::new))
                .filter(n -> !isPresent(layout.indexOf(n))).toList() + ")");
    }
}
