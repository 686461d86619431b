package dev.mlops4j.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class DecodingReaderTest {

    /** Reads everything with reads of at most {@code chunk} chars, from a stream that returns few bytes at a time. */
    private static String readAll(byte[] bytes, int chunk, int bytesPerRead, DecodingReader[] reader) throws IOException {
        InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, bytesPerRead));
            }
        };
        reader[0] = new DecodingReader(trickle, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk];
        int n;
        while ((n = reader[0].read(buf, 0, chunk)) != -1) {
            assertThat(n).isPositive();
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Property(tries = 200)
    void read_validUtf8InAnyChunking_decodesLikeTheJdkWithoutErrors(@ForAll @StringLength(max = 200) String text,
            @ForAll @IntRange(min = 1, max = 7) int chunk, @ForAll @IntRange(min = 1, max = 5) int bytesPerRead)
            throws IOException {
        // the JDK's own round trip replaces unpaired surrogates, so compare with what it decodes
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        DecodingReader[] reader = new DecodingReader[1];

        assertThat(readAll(bytes, chunk, bytesPerRead, reader)).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        assertThat(reader[0].errors()).isZero();
    }

    @Property(tries = 50)
    void read_invalidBytes_eachBecomesOneMarkAndIsCounted(@ForAll @IntRange(min = 1, max = 7) int chunk,
            @ForAll @IntRange(min = 1, max = 5) int bytesPerRead) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("a\u00e9\ud83d\ude00".getBytes(StandardCharsets.UTF_8)); // é and an emoji, valid
        b.write(0xE9);                                                         // Latin-1 é: not UTF-8
        b.writeBytes(",x".getBytes(StandardCharsets.UTF_8));
        b.write(0xFF);                                                         // never valid in UTF-8
        b.write(0xF0);                                                         // a truncated 4-byte sequence at the end
        b.write(0x9F);
        DecodingReader[] reader = new DecodingReader[1];

        String s = readAll(b.toByteArray(), chunk, bytesPerRead, reader);

        assertThat(s).startsWith("a\u00e9\ud83d\ude00" + DecodingReader.MARK + ",x" + DecodingReader.MARK);
        assertThat(s.chars().filter(c -> c == DecodingReader.MARK).count()).isEqualTo(reader[0].errors());
        assertThat(reader[0].errors()).isBetween(3L, 4L);
    }
}
