package dev.mlops4j.validation.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a notebook shows for a CSV table: its name and typed columns, not {@code CsvTable@1a2b3c}. */
class CsvTableTextTest {

    @Test
    void toString_namesTheTableAndItsTypedColumns() {
        CsvTable table = CsvTable.builder("batch.csv", "id,alcohol,cultivar\n1,13.2,class_0\n2,12.1,class_1\n").build();

        assertThat(table.toString()).isEqualTo("CSV table batch.csv: 3 columns (id INTEGER, alcohol FLOATING,"
                + " cultivar CATEGORICAL)");
    }

    @Test
    void toString_manyColumns_listsTheFirstThirty() {
        StringBuilder header = new StringBuilder("c0");
        StringBuilder row = new StringBuilder("0");
        for (int i = 1; i < 35; i++) {
            header.append(",c").append(i);
            row.append(',').append(i);
        }
        String text = CsvTable.builder("wide", header + "\n" + row + "\n").build().toString();

        assertThat(text).startsWith("CSV table wide: 35 columns (c0 INTEGER, c1 INTEGER,")
                .endsWith("c29 INTEGER, ... 5 more)");
    }
}
