package dev.mlops4j.validation.data;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.DataSourceException;
import dev.mlops4j.validation.internal.CsvParser;
import dev.mlops4j.validation.internal.DecodingReader;
import dev.mlops4j.validation.internal.StringCache;
import dev.mlops4j.validation.internal.TextParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A CSV file (or text) read as a {@link Table}, streamed record by record in bounded memory.
 *
 * <p>Format: RFC 4180 with a configurable separator, quote character and encoding; quoted fields may hold
 * separators, doubled quotes and line breaks; blank lines are skipped; a UTF-8 byte-order mark is ignored.
 * Column names come from the header line (or are given). Column types are given, or inferred from the first
 * {@link Builder#inferenceSampleRows(int) N} records: the narrowest of boolean, integer, floating, date,
 * timestamp that 99% of the sampled non-missing values fit, else categorical.
 *
 * <p>Bad input never stops a pass: a record with the wrong number of fields, text after a closing quote, an
 * unterminated quote or an over-long record comes back as a {@link Row#isMalformed() malformed} row with its
 * 1-based starting line number; a field that does not parse as its column's type is an invalid cell.
 *
 * <pre>{@code
 * CsvTable weather = CsvTable.builder(Path.of("seattle-weather.csv"))
 *         .type("weather", ColumnType.CATEGORICAL)
 *         .dateFormats("yyyy/MM/dd")
 *         .build();
 * }</pre>
 */
public final class CsvTable implements Table {
    /** The most columns {@link #toString()} lists. */
    private static final int SHOWN_COLUMNS = 30;
    private final Source source;
    private final List<Column> columns;
    private final TextParser parser;

    private CsvTable(Source source, List<Column> columns, TextParser parser) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.parser = parser;
    }

    /**
     * @param file a CSV file with a header line, comma-separated, UTF-8
     * @return the table, types inferred
     * @throws DataSourceException if the file cannot be read or has no header
     */
    public static CsvTable of(Path file) {
        return builder(file).build();
    }

    /**
     * @param csv CSV text with a header line
     * @return the table, types inferred
     */
    public static CsvTable ofText(String csv) {
        return builder("text", csv).build();
    }

    /**
     * @param file the CSV file
     * @return a builder with the defaults
     */
    public static Builder builder(Path file) {
        Objects.requireNonNull(file, "file");
        return new Builder(file.getFileName() == null ? file.toString() : file.getFileName().toString(), file, null);
    }

    /**
     * @param description a name for reports
     * @param csv the CSV text
     * @return a builder with the defaults
     */
    public static Builder builder(String description, String csv) {
        Objects.requireNonNull(csv, "csv");
        return new Builder(description, null, csv);
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public String description() {
        return source.description();
    }

    /**
     * @return what a notebook shows for the table: its name and columns with their types; the rows are read only when
     *     something streams them ({@code Profile.of(table)} for their statistics)
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CSV table ").append(description()).append(": ").append(columns.size())
                .append(columns.size() == 1 ? " column" : " columns");
        String sep = " (";
        for (Column c : columns.subList(0, Math.min(columns.size(), SHOWN_COLUMNS))) {
            sb.append(sep).append(c.name()).append(' ').append(c.type());
            sep = ", ";
        }
        if (columns.size() > SHOWN_COLUMNS) {
            sb.append(", ... ").append(columns.size() - SHOWN_COLUMNS).append(" more");
        }
        return sb.append(columns.isEmpty() ? "" : ")").toString();
    }

    @Override
    public Table withTypes(Map<String, ColumnType> types) {
        List<Column> cols = new ArrayList<>(columns.size());
        boolean changed = false;
        for (Column c : columns) {
            ColumnType t = types.get(c.name());
            changed |= t != null && t != c.type();
            cols.add(t == null ? c : c.withType(t));
        }
        return changed ? new CsvTable(source, cols, parser) : this;
    }

    @Override
    public RowCursor open() {
        DecodingReader[] decoding = new DecodingReader[1];
        CsvParser csv = source.openParser(decoding);
        if (source.header() && !csv.next()) {
            csv.close();
            throw new DataSourceException(source.description() + " has no header line any more; was it truncated?");
        }
        ColumnType[] types = columns.stream().map(Column::type).toArray(ColumnType[]::new);
        StringCache[] caches = new StringCache[types.length];
        for (int i = 0; i < types.length; i++) {
            caches[i] = types[i] == ColumnType.CATEGORICAL ? new StringCache() : null;
        }
        return new RowCursor() {
            /** Undecodable byte sequences already reported with their records. */
            private long reportedEncodingErrors;

            @Override
            public boolean next(Row row) {
                boolean more;
                try {
                    more = csv.next();
                } catch (UncheckedIOException e) {
                    throw new DataSourceException("could not read " + source.description() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
                if (!more) {
                    return false;
                }
                row.setLineNumber(csv.recordLine());
                String encodingError = decoding[0] != null && decoding[0].errors() > reportedEncodingErrors
                        ? encodingError() : null;
                if (encodingError != null) {
                    row.clear();
                    row.markMalformed(encodingError, csv.rawText(200).replace(DecodingReader.MARK, '?'));
                } else if (csv.error() != null) {
                    row.clear();
                    row.markMalformed(csv.error(), csv.rawText(200));
                } else if (csv.fieldCount() != types.length) {
                    row.clear();
                    row.markMalformed("expected " + types.length + " fields, found " + csv.fieldCount(),
                            csv.rawText(200));
                } else {
                    char[] buf = csv.buffer();
                    for (int c = 0; c < types.length; c++) {
                        parser.parseInto(row, c, types[c], buf, csv.start(c), csv.end(c), caches[c]);
                    }
                }
                return true;
            }

            /** Looks for undecodable bytes (read ahead by the decoder) in the current record. */
            private String encodingError() {
                char[] buf = csv.buffer();
                int found = 0;
                int field = -1;
                for (int f = 0; f < csv.fieldCount(); f++) {
                    for (int i = csv.start(f); i < csv.end(f); i++) {
                        if (buf[i] == DecodingReader.MARK) {
                            found++;
                            field = field < 0 ? f : field;
                        }
                    }
                }
                if (found == 0) {
                    return null;
                }
                reportedEncodingErrors += found;
                return found + (found == 1 ? " byte sequence" : " byte sequences") + " not valid in "
                        + source.encoding().name() + " (first in field " + (field + 1) + "); check the file's"
                        + " encoding, e.g. CsvTable.builder(file).encoding(StandardCharsets.ISO_8859_1)";
            }

            @Override
            public void close() {
                csv.close();
            }
        };
    }

    /** What a table reads and how, copied from the builder so that later builder changes do not leak in. */
    private record Source(String description, Path file, String text, char separator, char quote, Charset encoding,
            boolean header, int maxRecordChars) {

        CsvParser openParser(DecodingReader[] decoding) {
            Reader reader;
            if (file != null) {
                try {
                    decoding[0] = new DecodingReader(Files.newInputStream(file), encoding);
                    reader = decoding[0];
                } catch (NoSuchFileException e) {
                    throw new DataSourceException("CSV file " + file + " does not exist", e);
                } catch (IOException e) {
                    throw new DataSourceException("cannot open CSV file " + file + ": " + e.getMessage(), e);
                }
            } else {
                reader = new StringReader(text);
            }
            return new CsvParser(reader, separator, quote, maxRecordChars);
        }
    }

    /** Configuration of a {@link CsvTable}; {@link #build()} reads the header and the type sample. */
    public static final class Builder {
        private final String description;
        private final Path file;
        private final String text;
        private char separator = ',';
        private char quote = '"';
        private Charset encoding = StandardCharsets.UTF_8;
        private boolean header = true;
        private List<String> columnNames;
        private final Map<String, ColumnType> types = new LinkedHashMap<>();
        private int sampleRows = 1000;
        private List<String> missingValues = List.of("");
        private List<String> dateFormats = List.of("yyyy-MM-dd", "yyyy/MM/dd");
        private List<String> timestampFormats = List.of("yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS");
        private ZoneId zone = ZoneOffset.UTC;
        private int maxRecordChars = 1 << 20;

        private Builder(String description, Path file, String text) {
            this.description = description;
            this.file = file;
            this.text = text;
        }

        /** @param c field separator (default {@code ,}) @return this builder */
        public Builder separator(char c) {
            this.separator = c;
            return this;
        }

        /** @param c quote character (default {@code "}) @return this builder */
        public Builder quote(char c) {
            this.quote = c;
            return this;
        }

        /** @param charset the file's encoding (default UTF-8) @return this builder */
        public Builder encoding(Charset charset) {
            this.encoding = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /**
         * @param hasHeader whether the first record holds column names (default true); without a header,
         *     give {@link #columnNames(String...)} or the columns are named {@code column_1, column_2, ...}
         * @return this builder
         */
        public Builder header(boolean hasHeader) {
            this.header = hasHeader;
            return this;
        }

        /**
         * @param names column names, overriding the header's
         * @return this builder
         */
        public Builder columnNames(String... names) {
            this.columnNames = List.of(names);
            return this;
        }

        /**
         * @param column a column name
         * @param type its type, instead of the inferred one
         * @return this builder
         */
        public Builder type(String column, ColumnType type) {
            types.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(type, "type"));
            return this;
        }

        /** @param columnTypes column names to types, instead of the inferred ones @return this builder */
        public Builder types(Map<String, ColumnType> columnTypes) {
            columnTypes.forEach(this::type);
            return this;
        }

        /** @param rows records sampled to infer types (default 1,000; 0 makes every column categorical) @return this builder */
        public Builder inferenceSampleRows(int rows) {
            if (rows < 0) {
                throw new InvalidInputException("inferenceSampleRows must be >= 0, was " + rows);
            }
            this.sampleRows = rows;
            return this;
        }

        /** @param tokens texts that mean missing, compared exactly (default: only the empty field) @return this builder */
        public Builder missingValues(String... tokens) {
            this.missingValues = List.of(tokens);
            return this;
        }

        /** @param patterns {@link java.time.format.DateTimeFormatter} patterns for dates (default yyyy-MM-dd, yyyy/MM/dd) @return this builder */
        public Builder dateFormats(String... patterns) {
            this.dateFormats = List.of(patterns);
            return this;
        }

        /**
         * @param patterns patterns for timestamps, tried after ISO-8601 (default {@code yyyy-MM-dd HH:mm:ss}
         *     with optional milliseconds)
         * @return this builder
         */
        public Builder timestampFormats(String... patterns) {
            this.timestampFormats = List.of(patterns);
            return this;
        }

        /** @param timeZone zone of timestamps without an offset (default UTC) @return this builder */
        public Builder zone(ZoneId timeZone) {
            this.zone = Objects.requireNonNull(timeZone, "timeZone");
            return this;
        }

        /** @param chars longest record kept (default 1 Mi characters); longer records are malformed @return this builder */
        public Builder maxRecordChars(int chars) {
            if (chars < 16) {
                throw new InvalidInputException("maxRecordChars must be >= 16, was " + chars);
            }
            this.maxRecordChars = chars;
            return this;
        }

        /**
         * Reads the header and the type-inference sample.
         *
         * @return the table
         * @throws DataSourceException if the source cannot be read or has no header
         * @throws InvalidInputException if column names are duplicated or the settings contradict each other
         */
        public CsvTable build() {
            if (separator == quote || separator == '\n' || separator == '\r') {
                throw new InvalidInputException("separator '" + separator + "' must differ from the quote character"
                        + " and from line breaks");
            }
            TextParser parser;
            try {
                parser = new TextParser(missingValues, dateFormats, timestampFormats, zone);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("invalid date or timestamp pattern: " + e.getMessage(), e);
            }
            Source source = new Source(description, file, text, separator, quote, encoding, header, maxRecordChars);
            List<String> names;
            List<TextParser.Inference> inferences = new ArrayList<>();
            DecodingReader[] decoding = new DecodingReader[1];
            try (CsvParser csv = source.openParser(decoding)) {
                boolean any = csv.next();
                if (header) {
                    if (!any) {
                        throw new DataSourceException(description + " is empty; expected a header line with the"
                                + " column names (or use header(false) and columnNames(...))");
                    }
                    if (csv.error() != null) {
                        throw new DataSourceException("the header line of " + description + " is malformed: "
                                + csv.error());
                    }
                    names = new ArrayList<>();
                    for (int i = 0; i < csv.fieldCount(); i++) {
                        String n = csv.field(i).strip();
                        if (decoding[0] != null && n.indexOf(DecodingReader.MARK) >= 0) {
                            throw new DataSourceException("the header line of " + description + " has bytes that"
                                    + " are not valid in " + encoding.name() + " (column " + (i + 1) + ": '"
                                    + n.replace(DecodingReader.MARK, '?') + "'); set the file's encoding, e.g."
                                    + " CsvTable.builder(file).encoding(StandardCharsets.ISO_8859_1)");
                        }
                        names.add(n.isEmpty() ? "column_" + (i + 1) : n);
                    }
                    any = csv.next();
                } else {
                    names = new ArrayList<>();
                    for (int i = 0; i < (any ? csv.fieldCount() : 0); i++) {
                        names.add("column_" + (i + 1));
                    }
                }
                if (columnNames != null) {
                    if (!names.isEmpty() && names.size() != columnNames.size()) {
                        throw new InvalidInputException(description + " has " + names.size() + " columns but "
                                + columnNames.size() + " column names were given");
                    }
                    names = new ArrayList<>(columnNames);
                }
                for (int i = 0; i < names.size(); i++) {
                    inferences.add(parser.newInference());
                }
                for (int n = 0; any && n < sampleRows; n++) {
                    if (csv.error() == null && csv.fieldCount() == names.size()) {
                        for (int i = 0; i < names.size(); i++) {
                            inferences.get(i).accept(csv.buffer(), csv.start(i), csv.end(i));
                        }
                    }
                    any = csv.next();
                }
            } catch (UncheckedIOException e) {
                throw new DataSourceException("could not read " + description + ": " + e.getCause().getMessage(),
                        e.getCause());
            }
            Set<String> seen = new HashSet<>();
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!seen.add(name)) {
                    throw new InvalidInputException(description + " has the column name '" + name + "' twice;"
                            + " rename one in the header or give columnNames(...)");
                }
                ColumnType t = types.get(name);
                columns.add(new Column(name, t != null ? t : inferences.get(i).result()));
            }
            return new CsvTable(source, columns, parser);
        }
    }
}
