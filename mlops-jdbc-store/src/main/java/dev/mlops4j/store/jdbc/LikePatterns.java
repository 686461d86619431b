package dev.mlops4j.store.jdbc;

/**
 * Translates a search-language LIKE pattern into a SQL LIKE pattern with {@code ESCAPE '\'}.
 *
 * <p>Search patterns use {@code %} (any run of characters), {@code _} (exactly one) and backslash
 * escapes ({@code \%}, {@code \_}, {@code \\}); a backslash before any other character stands for that
 * character, and a trailing backslash for itself. The SQL form escapes every literal {@code %},
 * {@code _} and {@code \}, so the database never sees an escape sequence it might read differently.
 */
final class LikePatterns {
    private LikePatterns() {
    }

    /**
     * @param pattern a search-language pattern
     * @return the equivalent SQL pattern for {@code LIKE ? ESCAPE '\'}
     */
    static String toSql(String pattern) {
        StringBuilder sql = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\') {
                if (i + 1 < pattern.length()) {
                    i++;
                    appendLiteral(sql, pattern.charAt(i));
                } else {
                    appendLiteral(sql, ch);
                }
            } else {
                // % and _ are wildcards in both languages; everything else is literal.
                sql.append(ch);
            }
        }
        return sql.toString();
    }

    private static void appendLiteral(StringBuilder sql, char ch) {
        if (ch == '%' || ch == '_' || ch == '\\') {
            sql.append('\\');
        }
        sql.append(ch);
    }
}
