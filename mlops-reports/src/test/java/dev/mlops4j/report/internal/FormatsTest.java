package dev.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({"0.9, 0.9", "0.913333333, 0.913333", "42, 42", "0.0000123456, 1.23456e-05", "NaN, NaN",
        "Infinity, Infinity"})
    void number_sixSignificantDigitsWithoutPadding(double v, String expected) {
        assertThat(Formats.number(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.03, +0.03", "-2, -2", "0.0333333, +3.33%"})
    void signedAndPercent_carryTheSign(double v, String expected) {
        assertThat(expected.endsWith("%") ? Formats.percent(v) : Formats.signed(v)).isEqualTo(expected);
    }

    @Test
    void timeAndDuration_areReadable() {
        assertThat(Formats.time(Instant.parse("2024-03-04T05:06:07.890Z"))).isEqualTo("2024-03-04 05:06:07 UTC");
        assertThat(Formats.time(null)).isEmpty();
        assertThat(Formats.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(Formats.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
