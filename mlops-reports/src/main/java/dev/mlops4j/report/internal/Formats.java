package dev.mlops4j.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How reports spell numbers, times and durations: compact, locale-independent, the same on every machine. */
public final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /**
     * @param v a value
     * @return integers without a fraction, other values with up to six significant digits (no padding zeros),
     *     scientific notation for very small or large magnitudes, NaN and the infinities as Java spells them
     */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1;
        if (magnitude < -4 || magnitude >= 15) {
            return String.format(Locale.ROOT, "%.5e", v).replaceAll("\\.?0+e", "e");
        }
        return rounded.toPlainString();
    }

    /**
     * @param v a difference
     * @return the number with an explicit sign ({@code +0.02}, {@code -1})
     */
    public static String signed(double v) {
        String s = number(v);
        return v > 0 || (v == 0 && Double.compare(v, 0.0) == 0) ? "+" + s : s;
    }

    /**
     * @param ratio a relative change (0.1 is ten percent)
     * @return a signed percentage with up to two decimals, such as {@code +2.2%}
     */
    public static String percent(double ratio) {
        if (!Double.isFinite(ratio)) {
            return Double.toString(ratio);
        }
        BigDecimal p = new BigDecimal(ratio * 100).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return p.signum() == 0 ? "0%" : (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    /**
     * @param t an instant, may be null
     * @return it in UTC to the second, empty for null
     */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /**
     * @param d a duration
     * @return it as people read it: {@code 350 ms}, {@code 12.5 s}, {@code 3 min 4 s}, {@code 2 h 5 min}
     */
    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return BigDecimal.valueOf(ms, 3).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " s";
        }
        long s = ms / 1_000;
        return s < 3_600 ? s / 60 + " min " + s % 60 + " s" : s / 3_600 + " h " + s % 3_600 / 60 + " min";
    }
}
