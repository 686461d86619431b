package dev.mlops4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTableTest {

    @ParameterizedTest
    @CsvSource({
        "0.9, 0.9",
        "0.913333333, 0.913333",
        "42, 42",
        "-3, -3",
        "1234567.891, 1234570",
        "0.00012345678, 0.000123457",
        "0.0000123456, 1.23456e-05",
        "1e20, 1e+20",
        "NaN, NaN",
        "-Infinity, -Infinity"})
    void number_formatsWithSixSignificantDigitsWithoutPadding(double value, String expected) {
        assertThat(TextTable.number(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.02, +0.02", "-0.5, -0.5", "0, +0", "NaN, NaN"})
    void signed_addsPlusToNonNegative(double value, String expected) {
        assertThat(TextTable.signed(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.0333333, +3.33%", "-0.5, -50%", "0, 0%", "0.00001, 0%", "2, +200%"})
    void percent_roundsToTwoDecimals(double ratio, String expected) {
        assertThat(TextTable.percent(ratio)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"350, 350 ms", "12500, 12.5 s", "184000, 3 min 4 s", "7500000, 2 h 5 min"})
    void duration_readsLikeAPerson(long millis, String expected) {
        assertThat(TextTable.duration(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"512, 512 B", "1536, 1.5 KiB", "20971520, 20 MiB"})
    void bytes_usesBinaryUnits(long n, String expected) {
        assertThat(TextTable.bytes(n)).isEqualTo(expected);
    }

    @Test
    void render_alignsColumnsAndDropsTrailingBlanks() {
        String table = TextTable.render("> ", List.of("a", "long header", "c"),
                List.of(List.of("xxxx", "1", ""), List.of("y", "22", "z")));

        assertThat(table).isEqualTo("""
                > a     long header  c
                > ----  -----------  -
                > xxxx  1
                > y     22           z
                """);
    }

    @Test
    void cell_longText_isCutWithEllipsis() {
        assertThat(TextTable.cell("x".repeat(100))).hasSize(TextTable.MAX_CELL).endsWith("...");
        assertThat(TextTable.cell(null)).isEmpty();
        assertThat(TextTable.cell("a\u0000b")).isEqualTo("a b");
    }

    @Test
    void oneLine_escapesBreaksAndCutsToTheLimit() {
        assertThat(TextTable.oneLine("a\nb\tc", 20)).isEqualTo("a\\nb\\tc");
        assertThat(TextTable.oneLine("abcdefghij", 8)).isEqualTo("abcde...");
        assertThat(TextTable.oneLine("abcdefgh", 8)).isEqualTo("abcdefgh");
        assertThat(TextTable.oneLine(null, 8)).isEmpty();
    }

    @Test
    void counted_isACountLineAndATable_orSaysThereIsNone() {
        assertThat(TextTable.counted(List.of(1, 22), "number", "numbers", List.of("n", "square"),
                n -> List.of(Integer.toString(n), Integer.toString(n * n)))).isEqualTo("""
                2 numbers:
                n   square
                --  ------
                1   1
                22  484
                """);
        assertThat(TextTable.counted(List.of(3), "number", "numbers", List.of("n"), n -> List.of("" + n)))
                .startsWith("1 number:\n");
        assertThat(TextTable.counted(List.<Integer>of(), "number", "numbers", List.of("n"), n -> List.of("" + n)))
                .isEqualTo("(no numbers)\n");
    }
}
