package dev.mlops4j.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextParserTest {
    private static final TextParser PARSER = TextParser.defaults();

    private static double parse(String s) {
        return TextParser.parseDouble(s.toCharArray(), 0, s.length());
    }

    @Property(tries = 2000)
    void parseDouble_anyDoubleAsJavaPrintsIt_isExact(@ForAll double v) {
        String s = Double.toString(v);
        assertThat(parse(s)).isEqualTo(v);
    }

    @Property(tries = 2000)
    void parseDouble_shortDecimals_agreeWithTheJdk(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L)
            long mantissa, @ForAll @IntRange(min = 0, max = 12) int decimals) {
        String digits = Long.toString(Math.abs(mantissa));
        String padded = "0".repeat(Math.max(0, decimals + 1 - digits.length())) + digits;
        String s = (mantissa < 0 ? "-" : "") + padded.substring(0, padded.length() - decimals) + "."
                + padded.substring(padded.length() - decimals);
        assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }

    @Property(tries = 5000)
    void parseDouble_longSignificandsAnyExponent_agreeWithTheJdk(
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999_999L) long significand,
            @ForAll @IntRange(min = -360, max = 320) int exponent, @ForAll boolean negative) {
        String s = (negative ? "-" : "") + significand + "e" + exponent;
        assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "0.30000000000000004", "2.2250738585072014E-308", "4.9E-324", "1.7976931348623157E308",
        "9007199254740993", "9007199254740992.5", "123456789012345678", "0.000000000000000000000000000001234567890123",
        "1.00000000000000011102230246251565404236316680908203125", "7.2057594037927933e16"})
    void parseDouble_hardCases_agreeWithTheJdk(String s) {
        assertThat(parse(s)).as(s).isEqualTo(Double.parseDouble(s));
    }

    @ParameterizedTest
    @CsvSource({"1e3,1000", "2.5E-3,0.0025", "+7,7", ".5,0.5", "1.,1", "123456789012345678901234,1.2345678901234568E23",
        "Infinity,Infinity", "-Infinity,-Infinity"})
    void parseDouble_otherForms_areParsed(String text, double expected) {
        assertThat(parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "1e", "1.2.3", "abc", "0x10", "1,5", "1d", " 1"})
    void parseDouble_notADecimal_isNaN(String text) {
        assertThat(parse(text)).isNaN();
    }

    @ParameterizedTest
    @CsvSource({"0,0", "-12,-12", "+5,5", "9223372036854775807,9223372036854775807",
        "-9223372036854775808,-9223372036854775808"})
    void parseInto_integers_includingTheExtremes(String text, long expected) {
        Row row = new Row(1);
        PARSER.parseInto(row, 0, ColumnType.INTEGER, text);
        assertThat(row.isPresent(0)).isTrue();
        assertThat(row.longValue(0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "1.0", "12a", "--1", "99999999999999999999"})
    void parseInto_notAnInteger_isInvalidWithItsText(String text) {
        Row row = new Row(1);
        PARSER.parseInto(row, 0, ColumnType.INTEGER, text);
        assertThat(row.isInvalid(0)).isTrue();
        assertThat(row.invalidText(0)).isEqualTo(text);
    }

    @Test
    void parseInto_booleansDatesAndTimestamps_areConverted() {
        Row row = new Row(4);
        PARSER.parseInto(row, 0, ColumnType.BOOLEAN, "TRUE");
        PARSER.parseInto(row, 1, ColumnType.DATE, "2016/02/29");
        PARSER.parseInto(row, 2, ColumnType.TIMESTAMP, "2024-05-06T07:08:09+02:00");
        PARSER.parseInto(row, 3, ColumnType.TIMESTAMP, "2024-05-06 07:08:09");

        assertThat(row.booleanValue(0)).isTrue();
        assertThat(row.value(1, ColumnType.DATE)).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(row.value(2, ColumnType.TIMESTAMP)).isEqualTo(Instant.parse("2024-05-06T05:08:09Z"));
        assertThat(row.value(3, ColumnType.TIMESTAMP)).isEqualTo(Instant.parse("2024-05-06T07:08:09Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015/02/29", "2015-13-01", "yesterday", "2015-1-1"})
    void parseInto_invalidDate_isInvalid(String text) {
        Row row = new Row(1);
        PARSER.parseInto(row, 0, ColumnType.DATE, text);
        assertThat(row.isInvalid(0)).isTrue();
    }

    @Test
    void parseInto_customMissingTokensAndDateFormats_apply() {
        TextParser p = new TextParser(List.of("NA", "-"), List.of("dd.MM.yyyy"), List.of(), ZoneOffset.UTC);
        Row row = new Row(3);
        p.parseInto(row, 0, ColumnType.FLOATING, "NA");
        p.parseInto(row, 1, ColumnType.DATE, "31.01.2024");
        p.parseInto(row, 2, ColumnType.CATEGORICAL, "");

        assertThat(row.isMissing(0)).isTrue();
        assertThat(row.value(1, ColumnType.DATE)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(row.isPresent(2)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "true,false,TRUE;BOOLEAN", "1,2,-3;INTEGER", "1,2.5,1e3;FLOATING", "2024-01-01,2024/02/03;DATE",
        "2024-01-01T10:00:00Z,2024-01-02 11:00:00;TIMESTAMP", "a,1,2;CATEGORICAL", "1,,2;INTEGER", ";CATEGORICAL"})
    void inference_samples_pickTheNarrowestFittingType(String samples, ColumnType expected) {
        TextParser.Inference inference = PARSER.newInference();
        for (String s : (samples == null ? "" : samples).split(",", -1)) {
            inference.accept(s);
        }
        assertThat(inference.result()).isEqualTo(expected);
    }

    @Test
    void stringCache_repeatedCharacters_returnTheSameInstance() {
        StringCache cache = new StringCache();
        char[] a = "xxpaidxx".toCharArray();
        String first = cache.get(a, 2, 6);
        String second = cache.get("paid".toCharArray(), 0, 4);

        assertThat(first).isEqualTo("paid");
        assertThat(second).isSameAs(first);
    }
}
