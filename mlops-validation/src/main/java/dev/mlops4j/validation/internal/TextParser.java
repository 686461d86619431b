package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts text (a CSV field, a string in a map) to a typed cell, and infers a column's type from sample
 * text. Numbers take a fast path for plain decimals (exact, as Clinger's algorithm shows: at most 15
 * significant digits and a power of ten up to 22) and fall back to {@link Double#parseDouble(String)}.
 * Immutable and thread-safe.
 */
public final class TextParser {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final String[] missingTokens;
    private final boolean onlyEmptyIsMissing;
    private final List<DateTimeFormatter> dateFormats;
    private final boolean fastIsoDate;
    private final boolean fastSlashDate;
    private final List<DateTimeFormatter> timestampFormats;
    private final ZoneId zone;

    /**
     * @param missingTokens texts that mean "missing" (compared exactly)
     * @param datePatterns {@link DateTimeFormatter} patterns for dates
     * @param timestampPatterns patterns for timestamps, tried after ISO-8601
     * @param zone zone for timestamps without offset
     */
    public TextParser(List<String> missingTokens, List<String> datePatterns, List<String> timestampPatterns,
            ZoneId zone) {
        this.missingTokens = missingTokens.toArray(new String[0]);
        this.onlyEmptyIsMissing = missingTokens.size() == 1 && missingTokens.get(0).isEmpty();
        List<DateTimeFormatter> dates = new ArrayList<>();
        boolean iso = false;
        boolean slash = false;
        for (String p : datePatterns) {
            iso |= p.equals("yyyy-MM-dd");
            slash |= p.equals("yyyy/MM/dd");
            dates.add(DateTimeFormatter.ofPattern(p, Locale.ROOT));
        }
        this.dateFormats = List.copyOf(dates);
        this.fastIsoDate = iso;
        this.fastSlashDate = slash;
        List<DateTimeFormatter> ts = new ArrayList<>();
        ts.add(DateTimeFormatter.ISO_DATE_TIME);
        for (String p : timestampPatterns) {
            ts.add(DateTimeFormatter.ofPattern(p, Locale.ROOT));
        }
        this.timestampFormats = List.copyOf(ts);
        this.zone = zone;
    }

    /** @return a parser with the defaults: {@code ""} is missing, ISO and yyyy/MM/dd dates, UTC */
    public static TextParser defaults() {
        return new TextParser(List.of(""), List.of("yyyy-MM-dd", "yyyy/MM/dd"),
                List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS"), ZoneOffset.UTC);
    }

    /**
     * @param buf characters
     * @param start first index
     * @param end index after the last
     * @return true if the text is one of the missing tokens
     */
    public boolean isMissing(char[] buf, int start, int end) {
        if (onlyEmptyIsMissing) {
            return start == end;
        }
        int len = end - start;
        for (String token : missingTokens) {
            if (token.length() == len && token.contentEquals(java.nio.CharBuffer.wrap(buf, start, len))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses text into a row cell: missing token, typed value, or invalid with the raw text.
     *
     * @param row the row
     * @param column the column index
     * @param type the column type
     * @param buf characters
     * @param start first index
     * @param end index after the last
     * @param strings a cache to reuse category strings, or {@code null}
     */
    public void parseInto(Row row, int column, ColumnType type, char[] buf, int start, int end,
            StringCache strings) {
        if (isMissing(buf, start, end)) {
            row.setMissing(column);
            return;
        }
        switch (type) {
            case CATEGORICAL:
                row.setString(column, strings == null ? new String(buf, start, end - start)
                        : strings.get(buf, start, end));
                return;
            case INTEGER: {
                long v = parseLong(buf, start, end);
                if (v == Long.MIN_VALUE && !isLongMin(buf, start, end)) {
                    row.setInvalid(column, new String(buf, start, end - start));
                } else {
                    row.setLong(column, v);
                }
                return;
            }
            case FLOATING: {
                double v = parseDouble(buf, start, end);
                if (Double.isNaN(v) && !isNaNText(buf, start, end)) {
                    row.setInvalid(column, new String(buf, start, end - start));
                } else {
                    row.setDouble(column, v);
                }
                return;
            }
            case BOOLEAN: {
                int b = parseBoolean(buf, start, end);
                if (b < 0) {
                    row.setInvalid(column, new String(buf, start, end - start));
                } else {
                    row.setBoolean(column, b == 1);
                }
                return;
            }
            case DATE: {
                long day = parseEpochDay(buf, start, end);
                if (day == Long.MIN_VALUE) {
                    row.setInvalid(column, new String(buf, start, end - start));
                } else {
                    row.setLong(column, day);
                }
                return;
            }
            case TIMESTAMP: {
                long ms = parseEpochMilli(new String(buf, start, end - start));
                if (ms == Long.MIN_VALUE) {
                    row.setInvalid(column, new String(buf, start, end - start));
                } else {
                    row.setLong(column, ms);
                }
                return;
            }
            default:
                throw new IllegalArgumentException("unknown type " + type);
        }
    }

    /**
     * Parses a string into a row cell, as {@link #parseInto(Row, int, ColumnType, char[], int, int, StringCache)}.
     *
     * @param row the row
     * @param column the column index
     * @param type the column type
     * @param text the text
     */
    public void parseInto(Row row, int column, ColumnType type, String text) {
        char[] chars = text.toCharArray();
        parseInto(row, column, type, chars, 0, chars.length, null);
    }

    /**
     * Infers a column's type from sampled texts: the narrowest type that at least 99% of the non-missing
     * samples fit, in the order boolean, integer, floating, date, timestamp; categorical otherwise. The
     * tolerance lets one stray value (a typo, a "n/a") be reported as a wrong-typed value instead of turning
     * a numeric column into a categorical one.
     */
    public final class Inference {
        private final TypeVotes votes = new TypeVotes();

        /**
         * @param buf characters
         * @param start first index
         * @param end index after the last
         */
        public void accept(char[] buf, int start, int end) {
            if (isMissing(buf, start, end)) {
                return;
            }
            boolean isLong = parseLong(buf, start, end) != Long.MIN_VALUE || isLongMin(buf, start, end);
            boolean isDouble = isLong || !Double.isNaN(parseDouble(buf, start, end)) || isNaNText(buf, start, end);
            boolean isDate = !isDouble && parseEpochDay(buf, start, end) != Long.MIN_VALUE;
            boolean isTimestamp = !isDouble && !isDate
                    && parseEpochMilli(new String(buf, start, end - start)) != Long.MIN_VALUE;
            votes.add(parseBoolean(buf, start, end) >= 0, isLong, isDouble, isDate, isTimestamp);
        }

        /** @param text a sampled text */
        public void accept(String text) {
            char[] c = text.toCharArray();
            accept(c, 0, c.length);
        }

        /** @return the inferred type; categorical when nothing was seen */
        public ColumnType result() {
            return votes.result();
        }
    }

    /** @return a new type inference for one column */
    public Inference newInference() {
        return new Inference();
    }

    // ---- primitives ----------------------------------------------------------------------------------

    private static boolean isLongMin(char[] buf, int start, int end) {
        return "-9223372036854775808".contentEquals(java.nio.CharBuffer.wrap(buf, start, end - start));
    }

    private static boolean isNaNText(char[] buf, int start, int end) {
        return end - start == 3 && buf[start] == 'N' && buf[start + 1] == 'a' && buf[start + 2] == 'N';
    }

    /**
     * @param buf characters
     * @param start first index
     * @param end index after the last
     * @return the value, or {@code Long.MIN_VALUE} if the text is not a decimal long
     */
    static long parseLong(char[] buf, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        if (i == end || end - i > 19) {
            return Long.MIN_VALUE;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            // accumulate negatively so that Long.MIN_VALUE itself fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                return Long.MIN_VALUE;
            }
            v = v * 10 - d;
        }
        if (negative) {
            return v;
        }
        return v == Long.MIN_VALUE ? Long.MIN_VALUE : -v;
    }

    /**
     * @param buf characters
     * @param start first index
     * @param end index after the last
     * @return the value, or NaN if the text is not a decimal number (the text "NaN" also gives NaN)
     */
    static double parseDouble(char[] buf, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (buf[i] == '-' || buf[i] == '+')) {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exp10 = 0;
        boolean sawDigit = false;
        boolean overflowDigits = false;
        for (; i < end; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            sawDigit = true;
            if (digits < 18) {
                if (mantissa != 0 || d != 0) {
                    digits++;
                }
                mantissa = mantissa * 10 + d;
            } else {
                overflowDigits = true;
                exp10++;
            }
        }
        if (i < end && buf[i] == '.') {
            i++;
            for (; i < end; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
                sawDigit = true;
                if (digits < 18) {
                    if (mantissa != 0 || d != 0) {
                        digits++;
                    }
                    mantissa = mantissa * 10 + d;
                    exp10--;
                } else {
                    overflowDigits = true;
                }
            }
        }
        if (!sawDigit) {
            return parseSpecial(buf, start, end);
        }
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                expNegative = buf[i] == '-';
                i++;
            }
            if (i == end) {
                return Double.NaN;
            }
            int e = 0;
            for (; i < end; i++) {
                int d = buf[i] - '0';
                if (d < 0 || d > 9) {
                    return Double.NaN;
                }
                if (e < 100000) {
                    e = e * 10 + d;
                }
            }
            exp10 += expNegative ? -e : e;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!overflowDigits && digits <= 15 && exp10 >= -22 && exp10 <= 22) {
            double v = (double) mantissa;
            v = exp10 < 0 ? v / POW10[-exp10] : v * POW10[exp10];
            return negative ? -v : v;
        }
        if (!overflowDigits) {
            // up to 18 significant digits (what programs print for doubles): exact via Eisel-Lemire
            double v = EiselLemire.toDouble(mantissa, exp10, negative);
            if (!Double.isNaN(v)) {
                return v;
            }
        }
        // long or extreme numbers: the JDK parser is exact; the text is known to be a plain decimal here
        return Double.parseDouble(new String(buf, start, end - start));
    }

    private static double parseSpecial(char[] buf, int start, int end) {
        String s = new String(buf, start, end - start);
        switch (s) {
            case "Infinity":
            case "+Infinity":
            case "inf":
            case "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
            case "-inf":
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                return Double.NaN;
        }
    }

    /** @return 1 for true, 0 for false, -1 if neither (case-insensitive "true"/"false") */
    static int parseBoolean(char[] buf, int start, int end) {
        int len = end - start;
        if (len == 4 && regionEqualsIgnoreCase(buf, start, "true")) {
            return 1;
        }
        if (len == 5 && regionEqualsIgnoreCase(buf, start, "false")) {
            return 0;
        }
        return -1;
    }

    private static boolean regionEqualsIgnoreCase(char[] buf, int start, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (Character.toLowerCase(buf[start + k]) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** @return the epoch day, or {@code Long.MIN_VALUE} if the text is not a date in a configured format */
    long parseEpochDay(char[] buf, int start, int end) {
        if (end - start == 10 && (fastIsoDate && buf[start + 4] == '-' && buf[start + 7] == '-'
                || fastSlashDate && buf[start + 4] == '/' && buf[start + 7] == '/')) {
            int y = digits(buf, start, 4);
            int m = digits(buf, start + 5, 2);
            int d = digits(buf, start + 8, 2);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                try {
                    return LocalDate.of(y, m, d).toEpochDay();
                } catch (DateTimeException e) {
                    return Long.MIN_VALUE;
                }
            }
            return Long.MIN_VALUE;
        }
        if (end - start < 6 || end - start > 40) {
            return Long.MIN_VALUE;
        }
        String s = new String(buf, start, end - start);
        for (DateTimeFormatter f : dateFormats) {
            try {
                return LocalDate.parse(s, f).toEpochDay();
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        return Long.MIN_VALUE;
    }

    private static int digits(char[] buf, int start, int n) {
        int v = 0;
        for (int i = start; i < start + n; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * @param s text
     * @return epoch milliseconds, or {@code Long.MIN_VALUE} if the text is not a timestamp
     */
    long parseEpochMilli(String s) {
        if (s.length() < 10 || s.length() > 64 || !Character.isDigit(s.charAt(0))) {
            return Long.MIN_VALUE;
        }
        for (DateTimeFormatter f : timestampFormats) {
            try {
                TemporalAccessor t = f.parse(s);
                if (!t.isSupported(ChronoField.HOUR_OF_DAY)) {
                    continue;
                }
                if (t.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return Instant.from(t).toEpochMilli();
                }
                return LocalDateTime.from(t).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                // try the next format
            }
        }
        return Long.MIN_VALUE;
    }
}
