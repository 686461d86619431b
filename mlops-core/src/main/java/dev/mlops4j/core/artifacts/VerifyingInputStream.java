package dev.mlops4j.core.artifacts;

import dev.mlops4j.ArtifactIntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes everything read through it and, at end of stream, compares the hash with the blob's id. The check
 * happens before end of stream is reported, so a reader that reads to the end never takes damaged bytes for good ones.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final String expectedSha256;
    private final String where;
    private final MessageDigest digest = Sha256.newDigest();
    private long count;
    private boolean verified;

    /**
     * @param in the raw content
     * @param expectedSha256 the blob's id
     * @param where the store holding the blob, for the message
     */
    VerifyingInputStream(InputStream in, String expectedSha256, String where) {
        super(in);
        this.expectedSha256 = expectedSha256;
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            verify();
        } else {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n < 0) {
            verify();
        } else {
            digest.update(buffer, offset, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must still be hashed, or the check at the end would fail on intact content.
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
        // Not supported: re-reading would corrupt the running hash.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported by a verifying artifact stream");
    }

    private void verify() {
        if (verified) {
            return;
        }
        String actual = Sha256.hex(digest.digest());
        verified = true;
        if (!actual.equals(expectedSha256)) {
            throw new ArtifactIntegrityException("blob sha256:" + expectedSha256 + " in " + where + " is damaged:"
                    + " expected SHA-256 " + expectedSha256 + ", actual SHA-256 " + actual + " over " + count
                    + " bytes. The stored file was changed, truncated or corrupted; restore it from a backup or"
                    + " log the artifact again");
        }
    }
}
