package dev.mlops4j.tribuo;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.SliceKeys;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.tribuo.Example;
import org.tribuo.Feature;

/**
 * Assigns each test example to a slice, so evaluation can compute metrics per slice (per region, per season, per
 * customer segment) and gates can require every slice to be good enough. The slicer's {@link #column()} is the
 * column of the per-slice metrics ({@link SliceKeys}) and of {@code Gate.metric(...).perSlice(column)}.
 *
 * <pre>{@code
 * Slicer.byFeature("region");                                   // categorical column read by Tribuo's loaders
 * Slicer.byMetadata("store_id");                                // example metadata
 * Slicer.of("alcohol_level", ex -> ex.lookup("alcohol").getValue() >= 13 ? "high" : "low");
 * }</pre>
 *
 * @param column the slice column's name
 * @param function maps an example to its slice value; {@code null} means {@link #MISSING}
 */
public record Slicer(String column, Function<Example<?>, String> function) {
    /** The slice value of examples that have no value for the column. */
    public static final String MISSING = "(missing)";

    public Slicer {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(function, "function");
        if (column.isEmpty()) {
            throw new InvalidInputException("a slicer needs a non-empty column name");
        }
    }

    /**
     * @param column the slice column's name
     * @param function maps an example to its slice value
     * @return the slicer
     */
    public static Slicer of(String column, Function<Example<?>, String> function) {
        return new Slicer(column, function);
    }

    /**
     * Slices by a feature's value. A numeric feature named exactly {@code feature} gives its value (integers without
     * a fraction: {@code 3}, others as Java prints them: {@code 0.25}). A categorical column, which Tribuo's columnar
     * loaders turn into one-hot features {@code feature@value}, gives the value after the {@code @} of the feature
     * that is present. Tribuo stores examples sparsely, so a numeric value of 0 may be absent and then shows as
     * {@link #MISSING}.
     *
     * @param feature the feature or column name
     * @return the slicer, with column {@code feature}
     */
    public static Slicer byFeature(String feature) {
        Objects.requireNonNull(feature, "feature");
        String categoricalPrefix = feature + "@";
        return new Slicer(feature, example -> {
            for (Feature f : example) {
                if (f.getName().equals(feature)) {
                    return format(f.getValue());
                }
                if (f.getName().startsWith(categoricalPrefix) && f.getValue() != 0.0) {
                    return f.getName().substring(categoricalPrefix.length());
                }
            }
            return null;
        });
    }

    /**
     * @param key an example metadata key
     * @return a slicer by that metadata value ({@link String#valueOf(Object)}), with column {@code key}
     */
    public static Slicer byMetadata(String key) {
        Objects.requireNonNull(key, "key");
        return new Slicer(key, example -> {
            Optional<Object> v = example.getMetadataValue(key);
            return v.map(String::valueOf).orElse(null);
        });
    }

    /**
     * @param example a test example
     * @return its slice value, {@link #MISSING} when the function gives none
     */
    public String sliceOf(Example<?> example) {
        String v = function.apply(example);
        return v == null ? MISSING : v;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** @return {@code Slicer[column]}; the function is code and has no readable form */
    @Override
    public String toString() {
        return "Slicer[" + column + "]";
    }
}
