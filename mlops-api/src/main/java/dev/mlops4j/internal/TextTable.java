package dev.mlops4j.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Aligned plain-text tables and number formatting for the {@code toString()} of mlops4j's values, which is what
 * JShell and log lines show. Cells are user input (names, params), so they are made single-line and capped in width:
 * a 6,000-character param or an embedded newline must not wreck the layout of every other row. Not API: it may change
 * in any release.
 */
public final class TextTable {
    /** Widest cell shown; longer text is cut and ends in "...". */
    public static final int MAX_CELL = 48;

    private TextTable() {
    }

    /**
     * @param indent prefix of every line
     * @param header column titles
     * @param rows cells, each row as long as the header
     * @return the table: header, a rule of dashes, the rows; each line ends in a newline, without trailing blanks
     */
    public static String render(String indent, List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>(rows.size() + 2);
        all.add(header.stream().map(TextTable::cell).toList());
        all.add(null); // the rule, filled in once the widths are known
        rows.forEach(r -> all.add(r.stream().map(TextTable::cell).toList()));
        int[] width = new int[header.size()];
        for (List<String> row : all) {
            for (int c = 0; row != null && c < row.size(); c++) {
                width[c] = Math.max(width[c], length(row.get(c)));
            }
        }
        List<String> rule = new ArrayList<>(width.length);
        for (int w : width) {
            rule.add("-".repeat(w));
        }
        all.set(1, rule);
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.append(" ".repeat(width[c] - length(cell) + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param text any text, may be null
     * @return the text on one line (line breaks and tabs escaped, other control characters blanked), at most
     *     {@link #MAX_CELL} characters
     */
    public static String cell(String text) {
        return oneLine(text, MAX_CELL);
    }

    /**
     * @param text any text, may be null
     * @param max longest result, at least 3
     * @return the text on one line (line breaks and tabs escaped, other control characters blanked), cut to
     *     {@code max} characters ending in "..." if it is longer
     */
    public static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 8));
        for (int i = 0; i < text.length() && sb.length() <= max; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(Character.isISOControl(ch) ? ' ' : ch);
            }
        }
        if (sb.length() > max) {
            sb.setLength(max - 3);
            if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
                sb.setLength(sb.length() - 1);
            }
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * A list as JShell should show it: a count line, then the table.
     *
     * @param items the elements
     * @param singular what one is called, e.g. {@code version}
     * @param plural what several are called
     * @param header the column titles
     * @param row an element's cells, as many as the header has titles
     * @param <T> the element type
     * @return {@code (no <plural>)} for no elements, else {@code <n> <plural>:} and the table
     */
    public static <T> String counted(List<? extends T> items, String singular, String plural, List<String> header,
                                     Function<? super T, List<String>> row) {
        if (items.isEmpty()) {
            return "(no " + plural + ")\n";
        }
        List<List<String>> rows = new ArrayList<>(items.size());
        items.forEach(item -> rows.add(row.apply(item)));
        return items.size() + " " + (items.size() == 1 ? singular : plural) + ":\n" + render("", header, rows);
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * @param v a value
     * @return integers without a fraction, other values with up to six significant digits (no padding zeros), NaN
     *     and the infinities as Java spells them
     */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale() - 1; // the exponent in scientific notation
        if (magnitude < -4 || magnitude >= 15) {
            return String.format(Locale.ROOT, "%.5e", v).replaceAll("\\.?0+e", "e");
        }
        return rounded.toPlainString();
    }

    /**
     * @param d a duration
     * @return it as people read it: {@code 350 ms}, {@code 12.5 s}, {@code 3 min 4 s}, {@code 2 h 5 min}
     */
    public static String duration(java.time.Duration d) {
        long ms = d.toMillis();
        if (ms < 1_000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return BigDecimal.valueOf(ms, 3).setScale(1, java.math.RoundingMode.HALF_EVEN).toPlainString() + " s";
        }
        long s = ms / 1_000;
        if (s < 3_600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3_600 + " h " + s % 3_600 / 60 + " min";
    }

    /**
     * @param n a size in bytes
     * @return it with a binary unit: {@code 512 B}, {@code 1.5 KiB}, {@code 20 MiB}
     */
    public static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (Math.abs(v) >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return (u == 0 ? Long.toString(n) : BigDecimal.valueOf(v).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString()) + " " + units[u];
    }

    /**
     * @param v a difference
     * @return the number with an explicit sign ({@code +0.02}, {@code -1}); NaN without one
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
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return Double.toString(ratio);
        }
        BigDecimal p = new BigDecimal(ratio * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return p.signum() == 0 ? "0%" : (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }
}
