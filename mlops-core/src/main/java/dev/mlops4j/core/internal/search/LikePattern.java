package dev.mlops4j.core.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A compiled SQL LIKE pattern: {@code %} matches any run of characters (including none), {@code _} exactly
 * one character (one UTF-16 code unit, as in H2), and a backslash makes the next character literal
 * ({@code \%}, {@code \_}, {@code \\}). The whole value must match. A backslash at the very end (which the
 * parser rejects) stands for itself. The case-insensitive variant (ILIKE) lower-cases both the pattern and
 * the value with {@link Locale#ROOT} before matching.
 *
 * <p>The pattern is split at its {@code %} wildcards into fixed-length segments. The first segment must match
 * at the start, the last at the end, and each middle segment at its leftmost position after the previous
 * one; leftmost placement is optimal because {@code %} absorbs any gap. Matching is therefore
 * O(value length &times; segment length) at worst and needs no regular expression, so no pattern character can
 * be misread as regex syntax. Instances are immutable and thread-safe.
 */
public final class LikePattern {
    private final String pattern;
    private final boolean caseInsensitive;
    /** Never empty: a pattern without {@code %} is one segment. */
    private final Segment[] segments;

    private LikePattern(String pattern, boolean caseInsensitive, Segment[] segments) {
        this.pattern = pattern;
        this.caseInsensitive = caseInsensitive;
        this.segments = segments;
    }

    /**
     * Compiles a pattern.
     *
     * @param pattern the LIKE pattern as stored in the filter (escapes not yet interpreted)
     * @param caseInsensitive true for ILIKE
     * @return the compiled pattern
     */
    public static LikePattern compile(String pattern, boolean caseInsensitive) {
        Objects.requireNonNull(pattern, "pattern");
        String p = caseInsensitive ? pattern.toLowerCase(Locale.ROOT) : pattern;
        List<Segment> segments = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        List<Integer> wildcards = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                chars.append(p.charAt(++i));
            } else if (c == '%') {
                segments.add(new Segment(chars.toString(), wildcards));
                chars.setLength(0);
                wildcards.clear();
            } else if (c == '_') {
                wildcards.add(chars.length());
                chars.append('_');
            } else {
                chars.append(c);
            }
        }
        segments.add(new Segment(chars.toString(), wildcards));
        return new LikePattern(pattern, caseInsensitive, segments.toArray(Segment[]::new));
    }

    /** @return the pattern as given to {@link #compile} */
    public String pattern() {
        return pattern;
    }

    /** @return true for ILIKE */
    public boolean caseInsensitive() {
        return caseInsensitive;
    }

    /**
     * @param value the string to test
     * @return true if the whole value matches the pattern
     */
    public boolean matches(String value) {
        String v = caseInsensitive ? value.toLowerCase(Locale.ROOT) : value;
        Segment first = segments[0];
        if (segments.length == 1) {
            return v.length() == first.length() && first.matchesAt(v, 0);
        }
        Segment last = segments[segments.length - 1];
        int end = v.length() - last.length();
        if (end < first.length() || !first.matchesAt(v, 0) || !last.matchesAt(v, end)) {
            return false;
        }
        int from = first.length();
        for (int i = 1; i < segments.length - 1; i++) {
            int at = segments[i].indexIn(v, from, end);
            if (at < 0) {
                return false;
            }
            from = at + segments[i].length();
        }
        return true;
    }

    /**
     * The same pattern in canonical SQL form with the given escape character: only {@code %}, {@code _} and
     * the escape character itself are escaped. For ILIKE the result is the lower-cased pattern, meant for
     * {@code LOWER(column) LIKE ?}.
     *
     * @param escape the character to declare in {@code LIKE ? ESCAPE '<escape>'}
     * @return the SQL LIKE pattern
     */
    public String toSqlPattern(char escape) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < segments.length; s++) {
            if (s > 0) {
                sb.append('%');
            }
            Segment seg = segments[s];
            for (int i = 0; i < seg.length(); i++) {
                char c = seg.literal.charAt(i);
                if (seg.isWildcard(i)) {
                    sb.append('_');
                } else {
                    if (c == '%' || c == '_' || c == escape) {
                        sb.append(escape);
                    }
                    sb.append(c);
                }
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return (caseInsensitive ? "ILIKE '" : "LIKE '") + pattern + "'";
    }

    /** A run of literal characters and {@code _} wildcards between two {@code %}. */
    private static final class Segment {
        private final String literal;
        /** Marks the {@code _} positions of {@link #literal}; null when there are none (the fast path). */
        private final boolean[] wildcard;

        Segment(String literal, List<Integer> wildcardPositions) {
            this.literal = literal;
            if (wildcardPositions.isEmpty()) {
                this.wildcard = null;
            } else {
                this.wildcard = new boolean[literal.length()];
                wildcardPositions.forEach(i -> wildcard[i] = true);
            }
        }

        int length() {
            return literal.length();
        }

        boolean isWildcard(int i) {
            return wildcard != null && wildcard[i];
        }

        boolean matchesAt(String v, int at) {
            if (wildcard == null) {
                return v.startsWith(literal, at);
            }
            if (at < 0 || at + literal.length() > v.length()) {
                return false;
            }
            for (int i = 0; i < literal.length(); i++) {
                if (!wildcard[i] && v.charAt(at + i) != literal.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Leftmost position p with from &lt;= p and p + length &lt;= limit where this segment matches, or -1. */
        int indexIn(String v, int from, int limit) {
            if (wildcard == null) {
                int at = v.indexOf(literal, from);
                return at >= 0 && at + literal.length() <= limit ? at : -1;
            }
            for (int p = from; p + literal.length() <= limit; p++) {
                if (matchesAt(v, p)) {
                    return p;
                }
            }
            return -1;
        }
    }
}
