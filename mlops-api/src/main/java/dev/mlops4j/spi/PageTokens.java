package dev.mlops4j.spi;

import dev.mlops4j.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page tokens for offset-based paging, shared by store implementations. A token carries the
 * offset and a fingerprint of the query it belongs to, so a token from another query, or a forged or
 * truncated one, is rejected with a clear message instead of returning the wrong page.
 */
public final class PageTokens {
    private static final String VERSION = "p1";

    private PageTokens() {
    }

    /**
     * @param offset index of the first result of the next page
     * @param fingerprint identifies the query
     * @return the token
     */
    public static String encode(long offset, String fingerprint) {
        String raw = VERSION + ":" + offset + ":" + fingerprint;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token a token from {@link #encode}, or {@code null} for the first page
     * @param fingerprint the fingerprint of the query being served
     * @return the offset (0 for a null token)
     * @throws InvalidInputException if the token is malformed or belongs to another query
     */
    public static long decode(String token, String fingerprint) {
        if (token == null) {
            return 0;
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        String[] parts = raw.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid(token);
        }
        long offset;
        try {
            offset = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            throw invalid(token);
        }
        if (offset < 0) {
            throw invalid(token);
        }
        if (!parts[2].equals(fingerprint)) {
            throw new InvalidInputException("page token '" + token + "' belongs to a different query; pass the"
                    + " token only with the same filter, ordering and experiments that produced it");
        }
        return offset;
    }

    private static InvalidInputException invalid(String token) {
        return new InvalidInputException("page token '" + token + "' is not valid; use the nextPageToken of a"
                + " previous page, or null for the first page");
    }
}
