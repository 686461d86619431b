package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * How per-slice metrics are named, so that an evaluator can log them on a run and a gate can find them.
 *
 * <p>The metric {@code accuracy} computed on the examples whose column {@code region} has the value {@code north}
 * is logged as {@code slice/region/north/accuracy}. Column and value are escaped so that any string fits the
 * characters metric keys allow: every character other than {@code A-Z a-z 0-9 _ - .} becomes {@code :XX} for each
 * byte of its UTF-8 form ({@code "São Paulo"} becomes {@code S:C3:A3o:20Paulo}); an empty string becomes {@code :};
 * a string of dots only has each dot escaped (so no path segment is {@code .} or {@code ..}). The escaping is
 * reversible, so different slice values never share a key. Keys must still fit
 * {@link dev.mlops4j.tracking.Limits#MAX_KEY_LENGTH}.
 */
public final class SliceKeys {
    /** The first segment of every per-slice metric key. */
    public static final String PREFIX = "slice/";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SliceKeys() {
    }

    /**
     * A parsed per-slice metric key.
     *
     * @param column the slicing column
     * @param value the slice's value of that column
     * @param metric the metric's name
     */
    public record SliceKey(String column, String value, String metric) {
        public SliceKey {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(metric, "metric");
        }

        /** @return the metric key, as {@link SliceKeys#key(String, String, String)} builds it */
        public String key() {
            return SliceKeys.key(column, value, metric);
        }

        /** @return {@code column=value}, as shown in result tables */
        public String label() {
            return column + "=" + value;
        }
    }

    /**
     * @param column the slicing column, e.g. {@code region}
     * @param value the slice's value, e.g. {@code north}
     * @param metric the metric, e.g. {@code accuracy}
     * @return the metric key, e.g. {@code slice/region/north/accuracy}
     */
    public static String key(String column, String value, String metric) {
        Objects.requireNonNull(metric, "metric");
        if (metric.isEmpty()) {
            throw new InvalidInputException("a per-slice metric needs a non-empty metric name");
        }
        return PREFIX + escape(Objects.requireNonNull(column, "column")) + "/"
                + escape(Objects.requireNonNull(value, "value")) + "/" + metric;
    }

    /**
     * @param key a metric key
     * @return its parts if it is a per-slice key
     */
    public static Optional<SliceKey> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = key.substring(PREFIX.length());
        int a = rest.indexOf('/');
        int b = a < 0 ? -1 : rest.indexOf('/', a + 1);
        if (a < 0 || b < 0 || b == rest.length() - 1) {
            return Optional.empty();
        }
        Optional<String> column = canonical(rest.substring(0, a));
        Optional<String> value = canonical(rest.substring(a + 1, b));
        if (column.isEmpty() || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SliceKey(column.get(), value.get(), rest.substring(b + 1)));
    }

    /**
     * @param s a column name or slice value
     * @return its escaped form, safe as one segment of a metric key
     */
    public static String escape(String s) {
        if (s.isEmpty()) {
            return ":";
        }
        boolean onlyDots = s.chars().allMatch(c -> c == '.');
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || (c == '.' && !onlyDots);
            if (plain) {
                sb.append((char) c);
            } else {
                sb.append(':').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    // Only the form escape() produces is accepted, so each slice has exactly one key.
    private static Optional<String> canonical(String segment) {
        return unescape(segment).filter(original -> escape(original).equals(segment));
    }

    /**
     * @param s an escaped segment
     * @return the original string, empty if {@code s} is not a valid escaped form
     */
    static Optional<String> unescape(String s) {
        if (s.equals(":")) {
            return Optional.of("");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x7F) {
                return Optional.empty();
            } else {
                out.write(c);
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
