package dev.mlops4j.validation.internal;

/**
 * A small, fixed-size cache that returns the same {@code String} instance for repeated character sequences,
 * so that reading a categorical CSV column does not allocate a new string per row (and later hash lookups
 * hit the string's cached hash code). Direct-mapped and lossy: a collision simply replaces the entry, so the
 * memory stays bounded whatever the cardinality. Not thread-safe.
 */
public final class StringCache {
    private static final int SIZE = 1024;
    private static final int MAX_CACHED_LENGTH = 64;
    private final String[] entries = new String[SIZE];

    /**
     * @param buf characters
     * @param start first index
     * @param end index after the last
     * @return a string equal to the characters
     */
    public String get(char[] buf, int start, int end) {
        int len = end - start;
        if (len > MAX_CACHED_LENGTH) {
            return new String(buf, start, len);
        }
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 16)) & (SIZE - 1);
        String cached = entries[slot];
        if (cached != null && cached.length() == len && cached.hashCode() == h) {
            boolean same = true;
            for (int i = 0; i < len; i++) {
                if (cached.charAt(i) != buf[start + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return cached;
            }
        }
        String s = new String(buf, start, len);
        entries[slot] = s;
        return s;
    }
}
