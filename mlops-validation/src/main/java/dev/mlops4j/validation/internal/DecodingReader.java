package dev.mlops4j.validation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes like {@link java.io.InputStreamReader}, but instead of silently replacing bytes that are not valid in
 * the charset with U+FFFD (which then look like data), it writes {@link #MARK} (U+FFFF, a Unicode noncharacter that
 * text does not contain) and counts them, so that a reader can report the records that hold them.
 */
public final class DecodingReader extends Reader {
    /** Written in place of each undecodable byte sequence. */
    public static final char MARK = '\uFFFF';

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean flushed;
    private long errors;
    /** The second half of a surrogate pair that did not fit a one-char read. */
    private int pending = -1;

    /**
     * @param in the bytes; closed by {@link #close()}
     * @param charset their encoding
     */
    public DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        bytes.flip();
    }

    /** @return undecodable byte sequences met so far (the decoder reads ahead of the caller) */
    public long errors() {
        return errors;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pending >= 0) {
            cbuf[off] = (char) pending;
            pending = -1;
            return 1;
        }
        if (len == 1) {
            // a supplementary character needs two chars: decode into a pair and keep the second for the next read
            char[] two = new char[2];
            int n = read(two, 0, 2);
            if (n == 2) {
                pending = two[1];
            }
            if (n > 0) {
                cbuf[off] = two[0];
            }
            return n <= 0 ? n : 1;
        }
        CharBuffer out = CharBuffer.wrap(cbuf, off, len);
        while (out.position() == off) {
            if (flushed) {
                return -1;
            }
            if (!eof && bytes.remaining() < 16) {
                fill();
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            if (r.isError()) {
                if (!out.hasRemaining()) {
                    break; // the decoder reports the same error again on the next read, with room for the mark
                }
                bytes.position(bytes.position() + r.length());
                out.put(MARK);
                errors++;
                continue;
            }
            if (r.isOverflow()) {
                break;
            }
            if (eof) {
                decoder.flush(out);
                flushed = true;
            } else {
                fill();
            }
        }
        return out.position() - off;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
