package dev.mlops4j.gate;

import java.util.Locale;

/** Number formatting shared by the gate's descriptions and its result table. */
final class Numbers {
    private Numbers() {
    }

    /**
     * @param v a value
     * @return integers without a fraction, other values with up to six significant digits, NaN and infinities as Java
     *     spells them
     */
    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        if (s.contains("e") || s.contains("E")) {
            return s;
        }
        // %g pads with zeros (0.900000); trim them so thresholds read as written.
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * @param v a value, may be null
     * @return the formatted value, empty for null
     */
    static String format(Double v) {
        return v == null ? "" : format(v.doubleValue());
    }
}
