package dev.mlops4j.validation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.DataSourceException;
import dev.mlops4j.validation.SharedData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableTest {

    @TempDir
    Path tmp;

    private static List<Object[]> readAll(Table t) {
        List<Object[]> out = new ArrayList<>();
        Row row = new Row(t.columns().size());
        try (RowCursor c = t.open()) {
            while (c.next(row)) {
                Object[] values = new Object[t.columns().size() + 2];
                values[0] = row.lineNumber();
                values[1] = row.malformedReason();
                for (int i = 0; i < t.columns().size(); i++) {
                    values[i + 2] = row.isMalformed() ? null : row.value(i, t.columns().get(i).type());
                }
                out.add(values);
            }
        }
        return out;
    }

    @Test
    void of_wine_infersFloatingIntegerAndCategoricalColumns() {
        CsvTable wine = CsvTable.of(SharedData.path("wine.csv"));

        assertThat(wine.columns()).hasSize(14);
        assertThat(wine.columns().get(0)).isEqualTo(new Column("alcohol", ColumnType.FLOATING));
        assertThat(wine.columns().get(4)).isEqualTo(new Column("magnesium", ColumnType.INTEGER));
        assertThat(wine.columns().get(13)).isEqualTo(new Column("cultivar", ColumnType.CATEGORICAL));
        assertThat(wine.description()).isEqualTo("wine.csv");
        List<Object[]> rows = readAll(wine);
        assertThat(rows).hasSize(178);
        assertThat(rows.get(0)).containsExactly(2L, null, 14.23, 1.71, 2.43, 15.6, 127L, 2.8, 3.06, 0.28, 2.29, 5.64,
                1.04, 3.92, 1065L, "class_0");
    }

    @Test
    void of_seattleWeather_infersSlashDates() {
        CsvTable weather = CsvTable.of(SharedData.path("seattle-weather.csv"));

        assertThat(weather.columns().get(0)).isEqualTo(new Column("date", ColumnType.DATE));
        assertThat(readAll(weather).get(0)[2]).isEqualTo(LocalDate.of(2012, 1, 1));
    }

    @Test
    void open_quotedFieldsWithSeparatorsQuotesAndLineBreaks_areUnquotedAndKeepTheirStartLine() {
        String csv = "id,text,score\n1,\"a, b\",1.5\n2,\"say \"\"hi\"\"\",2\n3,\"two\nlines\",3\n4,plain,4\n";
        CsvTable t = CsvTable.ofText(csv);

        List<Object[]> rows = readAll(t);

        assertThat(rows).extracting(r -> r[3]).containsExactly("a, b", "say \"hi\"", "two\nlines", "plain");
        assertThat(rows).extracting(r -> r[0]).containsExactly(2L, 3L, 4L, 6L);
    }

    @Test
    void open_crlfBlankLinesAndByteOrderMark_areHandled() throws Exception {
        Path f = tmp.resolve("bom.csv");
        Files.write(f, "\uFEFFa,b\r\n1,x\r\n\r\n2,y\r\n".getBytes(StandardCharsets.UTF_8));

        CsvTable t = CsvTable.of(f);

        assertThat(t.columns()).extracting(Column::name).containsExactly("a", "b");
        assertThat(readAll(t)).extracting(r -> r[0] + ":" + r[2] + ":" + r[3]).containsExactly("2:1:x", "4:2:y");
    }

    @Test
    void open_malformedLines_areReturnedAsMalformedRowsWithLineNumbers() {
        String csv = "a,b,c\n1,2,3\n4,5\n6,7,8,9\n\"x\"y,1,2\n10,11,12\n13,\"open,14\n";
        List<Object[]> rows = readAll(CsvTable.ofText(csv));

        assertThat(rows).extracting(r -> r[0] + " " + r[1]).containsExactly(
                "2 null",
                "3 expected 3 fields, found 2",
                "4 expected 3 fields, found 4",
                "5 unexpected character 'y' after a closing quote",
                "6 null",
                "7 unterminated quoted field opened on line 7");
    }

    @Test
    void open_recordLongerThanLimit_isMalformedAndReadingGoesOn() {
        String csv = "a,b\n1," + "x".repeat(100) + "\n2,y\n";
        CsvTable t = CsvTable.builder("long", csv).maxRecordChars(32).build();

        List<Object[]> rows = readAll(t);

        assertThat(rows).extracting(r -> r[1]).containsExactly("record longer than 32 characters", null);
        assertThat(rows.get(1)[3]).isEqualTo("y");
    }

    @Test
    void builder_separatorEncodingMissingTokensAndGivenTypes_areApplied() throws Exception {
        Path f = tmp.resolve("latin.csv");
        Files.write(f, "name;size;when\nCafé;NA;2024-01-31 10:00:00\nThé;3;2024-02-01T08:30:00Z\n"
                .getBytes(StandardCharsets.ISO_8859_1));

        CsvTable t = CsvTable.builder(f).separator(';').encoding(StandardCharsets.ISO_8859_1).missingValues("", "NA")
                .type("size", ColumnType.FLOATING).build();

        assertThat(t.columns()).extracting(Column::type).containsExactly(ColumnType.CATEGORICAL, ColumnType.FLOATING,
                ColumnType.TIMESTAMP);
        List<Object[]> rows = readAll(t);
        assertThat(rows.get(0)).containsExactly(2L, null, "Café", null, Instant.parse("2024-01-31T10:00:00Z"));
        assertThat(rows.get(1)).containsExactly(3L, null, "Thé", 3.0, Instant.parse("2024-02-01T08:30:00Z"));
    }

    @Test
    void builder_quoteCharacter_isUsedForQuotingAndDoubleQuotesStayLiteral() {
        String csv = "id|note\n1|'a|b'\n2|'it''s'\n3|say \"hi\"\n";

        CsvTable t = CsvTable.builder("quoted", csv).separator('|').quote('\'').build();

        List<Object[]> rows = readAll(t);
        assertThat(rows).extracting(r -> r[1]).containsOnlyNulls();
        assertThat(rows).extracting(r -> r[3]).containsExactly("a|b", "it's", "say \"hi\"");
    }

    @Test
    void open_bytesNotValidInTheEncoding_areMalformedRowsWithTheirLineAndTheFix() throws Exception {
        Path f = tmp.resolve("latin1.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("name,size\nplain,1\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("Caf\u00e9,2\n".getBytes(StandardCharsets.ISO_8859_1));     // line 3: 0xE9 alone is not UTF-8
        bytes.write("\"multi\nline\",3\n".getBytes(StandardCharsets.UTF_8));
        bytes.write("Th\u00e9 \u00e0,4\n".getBytes(StandardCharsets.ISO_8859_1)); // line 6: two bad bytes
        bytes.write("ok \u00e9,5\n".getBytes(StandardCharsets.UTF_8));           // line 7: valid UTF-8
        Files.write(f, bytes.toByteArray());

        List<Object[]> rows = readAll(CsvTable.of(f));

        assertThat(rows).extracting(r -> r[0]).containsExactly(2L, 3L, 4L, 6L, 7L);
        assertThat(rows.get(1)[1]).isEqualTo("1 byte sequence not valid in UTF-8 (first in field 1); check the file's"
                + " encoding, e.g. CsvTable.builder(file).encoding(StandardCharsets.ISO_8859_1)");
        assertThat(rows.get(3)[1]).asString().startsWith("2 byte sequences not valid in UTF-8");
        assertThat(rows).extracting(r -> r[1]).filteredOn(java.util.Objects::nonNull).hasSize(2);
        assertThat(rows.get(2)[2]).isEqualTo("multi\nline");
        assertThat(rows.get(4)[2]).isEqualTo("ok \u00e9");
        // read with the right encoding, every row is fine
        assertThat(readAll(CsvTable.builder(f).encoding(StandardCharsets.ISO_8859_1).build()))
                .extracting(r -> r[1]).containsOnlyNulls();
    }

    @Test
    void build_headerNotValidInTheEncoding_throwsDataSourceExceptionNamingTheColumnAndTheFix() throws Exception {
        Path f = tmp.resolve("latin1-header.csv");
        Files.write(f, "id,pr\u00e9nom\n1,Zo\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CsvTable.of(f)).isInstanceOf(DataSourceException.class)
                .hasMessage("the header line of latin1-header.csv has bytes that are not valid in UTF-8 (column 2:"
                        + " 'pr?nom'); set the file's encoding, e.g. CsvTable.builder(file)"
                        + ".encoding(StandardCharsets.ISO_8859_1)");
        assertThat(CsvTable.builder(f).encoding(StandardCharsets.ISO_8859_1).build().columns())
                .extracting(Column::name).containsExactly("id", "pr\u00e9nom");
    }

    @Test
    void builder_noHeader_namesColumnsOrUsesGivenNames() {
        assertThat(CsvTable.builder("t", "1,a\n2,b\n").header(false).build().columns())
                .containsExactly(new Column("column_1", ColumnType.INTEGER), new Column("column_2", ColumnType.CATEGORICAL));
        CsvTable named = CsvTable.builder("t", "1,a\n2,b\n").header(false).columnNames("n", "s").build();
        assertThat(named.columns()).extracting(Column::name).containsExactly("n", "s");
        assertThat(readAll(named)).hasSize(2);
    }

    @Test
    void build_inferenceTolerates1PercentStrayValues_andReadsThemAsInvalid() {
        StringBuilder csv = new StringBuilder("x\n");
        for (int i = 0; i < 199; i++) {
            csv.append(i).append('\n');
        }
        csv.append("oops\n");
        CsvTable t = CsvTable.ofText(csv.toString());

        assertThat(t.columns().get(0).type()).isEqualTo(ColumnType.INTEGER);
        Row row = new Row(1);
        long invalid = 0;
        try (RowCursor c = t.open()) {
            while (c.next(row)) {
                invalid += row.isInvalid(0) ? 1 : 0;
            }
        }
        assertThat(invalid).isEqualTo(1);
    }

    @Test
    void withTypes_convertsPerRequestedTypeAndMarksNonConformingCellsInvalid() {
        Table t = CsvTable.ofText("v\n1\n2.5\nabc\n").withTypes(Map.of("v", ColumnType.INTEGER, "unknown",
                ColumnType.BOOLEAN));

        List<Object[]> rows = readAll(t);
        Row row = new Row(1);
        try (RowCursor c = t.open()) {
            c.next(row);
            assertThat(row.isPresent(0)).isTrue();
            c.next(row);
            assertThat(row.isInvalid(0)).isTrue();
            assertThat(row.invalidText(0)).isEqualTo("2.5");
        }
        assertThat(rows).extracting(r -> r[2]).containsExactly(1L, "2.5", "abc");
    }

    @Test
    void build_missingFile_throwsDataSourceException() {
        assertThatThrownBy(() -> CsvTable.of(tmp.resolve("nope.csv"))).isInstanceOf(DataSourceException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void build_emptyFile_throwsDataSourceExceptionAskingForAHeader() throws Exception {
        Path f = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThatThrownBy(() -> CsvTable.of(f)).isInstanceOf(DataSourceException.class).hasMessageContaining("header");
    }

    @Test
    void build_duplicateHeader_throwsInvalidInput() {
        assertThatThrownBy(() -> CsvTable.ofText("a,a\n1,2\n")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'a' twice");
    }
}
