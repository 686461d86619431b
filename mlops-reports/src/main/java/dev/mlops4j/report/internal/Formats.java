package dev.mlops4j.report.internal;

import dev.mlops4j.internal.TextTable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How reports spell numbers, times and durations: compact, locale-independent, the same on every machine, and the same
 * as the text tables that JShell shows for the same values ({@link TextTable}).
 */
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
        return TextTable.number(v);
    }

    /**
     * @param v a difference
     * @return the number with an explicit sign ({@code +0.02}, {@code -1})
     */
    public static String signed(double v) {
        return TextTable.signed(v);
    }

    /**
     * @param ratio a relative change (0.1 is ten percent)
     * @return a signed percentage with up to two decimals, such as {@code +2.2%}
     */
    public static String percent(double ratio) {
        return TextTable.percent(ratio);
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
        return TextTable.duration(d);
    }
}
