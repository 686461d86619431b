package dev.mlops4j.core.artifacts;

import dev.mlops4j.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers shared by the artifact stores. */
final class Sha256 {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this cannot happen on a conforming JVM.
            throw new IllegalStateException("this JVM provides no SHA-256 implementation", e);
        }
    }

    static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    static String of(byte[] content) {
        return hex(newDigest().digest(content));
    }

    /** Rejects anything but a lowercase hex SHA-256, so a hash can never be used to build a path outside the store. */
    static String check(String sha256) {
        if (sha256 == null || !HEX.matcher(sha256).matches()) {
            throw new InvalidInputException("'" + sha256 + "' is not a SHA-256 blob id; expected 64 lowercase hex"
                    + " characters, as returned in ArtifactInfo.sha256()");
        }
        return sha256;
    }
}
