package dev.mlops4j.core.internal;

import dev.mlops4j.ArtifactIntegrityException;
import dev.mlops4j.tracking.ArtifactInfo;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a blob stream from an artifact store for one artifact of one run: checks the size recorded with the
 * artifact at end of stream, and puts the run and artifact path into integrity failures, which the blob store
 * alone cannot name.
 */
final class ArtifactStreams {
    private ArtifactStreams() {
    }

    static InputStream checked(InputStream blob, String runId, ArtifactInfo artifact) {
        return new Checked(blob, runId, artifact);
    }

    static String describe(String runId, ArtifactInfo artifact) {
        return "artifact '" + artifact.path() + "' of run " + runId + " (blob sha256:" + artifact.sha256() + ", "
                + artifact.size() + " bytes)";
    }

    private static final class Checked extends FilterInputStream {
        private final String runId;
        private final ArtifactInfo artifact;
        private long count;
        private boolean done;

        Checked(InputStream in, String runId, ArtifactInfo artifact) {
            super(in);
            this.runId = runId;
            this.artifact = artifact;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (ArtifactIntegrityException e) {
                throw new ArtifactIntegrityException(describe(runId, artifact) + ": " + e.getMessage(), e);
            }
            if (n < 0) {
                checkSize();
            } else {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
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
            // Not supported: the size check counts every byte once.
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset is not supported by an artifact stream");
        }

        private void checkSize() {
            if (done) {
                return;
            }
            done = true;
            if (count != artifact.size()) {
                throw new ArtifactIntegrityException(describe(runId, artifact) + " is damaged: read " + count
                        + " bytes, expected " + artifact.size() + ". Restore the blob from a backup or log the"
                        + " artifact again");
            }
        }
    }
}
