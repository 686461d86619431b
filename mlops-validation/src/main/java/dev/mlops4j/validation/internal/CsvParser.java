package dev.mlops4j.validation.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A streaming RFC 4180 CSV record parser with a configurable separator and quote character. Quoted fields
 * may contain separators, doubled quotes and line breaks; a quote inside an unquoted field is kept
 * literally. Blank lines are skipped. Line numbers are 1-based physical lines.
 *
 * <p>A record that is not well-formed (text after a closing quote, an unterminated quote at end of input,
 * a record longer than the limit) is still returned, with {@link #error()} set, so that the caller can
 * report it and go on. Memory is bounded by the longest record (at most the configured limit).
 */
public final class CsvParser implements AutoCloseable {
    private static final int EOF = -1;

    private final Reader reader;
    private final char separator;
    private final char quote;
    private final int maxRecordChars;
    private final char[] in = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean firstRead = true;

    private char[] rec = new char[256];
    private int recLen;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int fieldCount;
    private long line = 1;
    private long recordLine;
    private String error;
    private boolean truncated;

    /**
     * @param reader the text; closed by {@link #close()}
     * @param separator field separator
     * @param quote quote character
     * @param maxRecordChars longest record kept; longer ones are reported as errors
     */
    public CsvParser(Reader reader, char separator, char quote, int maxRecordChars) {
        this.reader = reader;
        this.separator = separator;
        this.quote = quote;
        this.maxRecordChars = maxRecordChars;
    }

    private int read() {
        if (pos == limit) {
            try {
                limit = reader.read(in, 0, in.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
            if (firstRead) {
                firstRead = false;
                if (in[0] == '\uFEFF') {
                    pos = 1;
                    return read();
                }
            }
        }
        return in[pos++];
    }

    private int peek() {
        if (pos == limit) {
            int c = read();
            if (c != EOF) {
                pos--;
            }
            return c;
        }
        return in[pos];
    }

    private void append(char c) {
        if (recLen == maxRecordChars) {
            truncated = true;
            return;
        }
        if (recLen == rec.length) {
            rec = Arrays.copyOf(rec, Math.min(maxRecordChars, rec.length * 2));
        }
        rec[recLen++] = c;
    }

    private void appendRun(char[] buf, int from, int length) {
        int n = Math.min(length, maxRecordChars - recLen);
        if (n < length) {
            truncated = true;
        }
        if (recLen + n > rec.length) {
            rec = Arrays.copyOf(rec, Math.min(maxRecordChars, Math.max(rec.length * 2, recLen + n)));
        }
        System.arraycopy(buf, from, rec, recLen, n);
        recLen += n;
    }

    private void endField(int fieldStart) {
        if (fieldCount == starts.length) {
            starts = Arrays.copyOf(starts, fieldCount * 2);
            ends = Arrays.copyOf(ends, fieldCount * 2);
        }
        starts[fieldCount] = fieldStart;
        ends[fieldCount] = recLen;
        fieldCount++;
    }

    /**
     * Reads the next record.
     *
     * @return false at end of input
     * @throws UncheckedIOException if reading fails
     */
    public boolean next() {
        while (true) {
            recLen = 0;
            fieldCount = 0;
            error = null;
            truncated = false;
            recordLine = line;
            int fieldStart = 0;
            boolean inQuotes = false;
            boolean afterQuote = false;
            long quoteLine = 0;
            boolean any = false;
            while (true) {
                if (!inQuotes && !afterQuote && pos < limit) {
                    // fast path: copy a run of plain characters of an unquoted field in one go
                    char[] buf = in;
                    int p = pos;
                    int end = limit;
                    while (p < end) {
                        char ch = buf[p];
                        if (ch == separator || ch == '\n' || ch == '\r' || ch == quote) {
                            break;
                        }
                        p++;
                    }
                    if (p > pos) {
                        appendRun(buf, pos, p - pos);
                        pos = p;
                        any = true;
                        continue;
                    }
                }
                int c = read();
                if (c == EOF) {
                    if (!any) {
                        return false;
                    }
                    if (inQuotes && error == null) {
                        error = "unterminated quoted field opened on line " + quoteLine;
                    }
                    endField(fieldStart);
                    finishRecord();
                    return true;
                }
                any = true;
                if (inQuotes) {
                    if (c == quote) {
                        if (peek() == quote) {
                            read();
                            append(quote);
                        } else {
                            inQuotes = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n' || c == '\r' && peek() != '\n') {
                            line++;
                        }
                        append((char) c);
                    }
                } else if (c == separator) {
                    endField(fieldStart);
                    fieldStart = recLen;
                    afterQuote = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && peek() == '\n') {
                        read();
                    }
                    line++;
                    if (recLen == 0 && fieldCount == 0 && !afterQuote) {
                        // a blank line: skip it and start the next record on the following line
                        recordLine = line;
                        any = false;
                        continue;
                    }
                    endField(fieldStart);
                    finishRecord();
                    return true;
                } else if (c == quote && recLen == fieldStart && !afterQuote) {
                    inQuotes = true;
                    quoteLine = line;
                } else {
                    if (afterQuote && error == null) {
                        error = "unexpected character '" + (char) c + "' after a closing quote";
                    }
                    append((char) c);
                }
            }
        }
    }

    private void finishRecord() {
        if (truncated && error == null) {
            error = "record longer than " + maxRecordChars + " characters";
        }
    }

    /** @return the number of fields in the current record */
    public int fieldCount() {
        return fieldCount;
    }

    /** @return the characters of the current record; fields index into it */
    public char[] buffer() {
        return rec;
    }

    /** @param i field index @return its first character's index in {@link #buffer()} */
    public int start(int i) {
        return starts[i];
    }

    /** @param i field index @return the index after its last character in {@link #buffer()} */
    public int end(int i) {
        return ends[i];
    }

    /** @param i field index @return the field as a string */
    public String field(int i) {
        return new String(rec, starts[i], ends[i] - starts[i]);
    }

    /** @return the 1-based line on which the current record starts */
    public long recordLine() {
        return recordLine;
    }

    /** @return what is wrong with the current record, or {@code null} if it is well-formed */
    public String error() {
        return error;
    }

    /**
     * @param maxChars abbreviation length
     * @return the current record's fields joined by the separator, abbreviated, for reports
     */
    public String rawText(int maxChars) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fieldCount && sb.length() <= maxChars; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(rec, starts[i], ends[i] - starts[i]);
        }
        return sb.length() > maxChars ? sb.substring(0, maxChars) + "..." : sb.toString();
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
