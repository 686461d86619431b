package dev.mlops4j.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.tracking.Limits;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SliceKeysTest {

    @Property
    void parse_keyOfAnyStrings_roundTrips(@ForAll @StringLength(max = 20) String column,
                                          @ForAll @StringLength(max = 20) String value) {
        String key = SliceKeys.key(column, value, "accuracy");

        assertThat(SliceKeys.parse(key)).hasValue(new SliceKeys.SliceKey(column, value, "accuracy"));
    }

    @Property
    void key_ofAnyStrings_isAValidMetricKey(@ForAll @StringLength(max = 10) String column,
                                            @ForAll @StringLength(max = 10) String value) {
        String key = SliceKeys.key(column, value, "f1");

        assertThat(Limits.checkKey("metric", key)).isEqualTo(key);
    }

    @Property
    void key_differentValues_differentKeys(@ForAll @StringLength(max = 8) String a,
                                           @ForAll @StringLength(max = 8) String b) {
        if (!a.equals(b)) {
            assertThat(SliceKeys.key("c", a, "m")).isNotEqualTo(SliceKeys.key("c", b, "m"));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "region|north|slice/region/north/accuracy",
        "city|São Paulo|slice/city/S:C3:A3o:20Paulo/accuracy",
        "x|..|slice/x/:2E:2E/accuracy",
        "x|0.5|slice/x/0.5/accuracy",
        "a/b|c:d|slice/a:2Fb/c:3Ad/accuracy"})
    void key_escapesOnlyWhatMetricKeysForbid(String column, String value, String expected) {
        assertThat(SliceKeys.key(column, value, "accuracy")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"accuracy", "slice/region", "slice/region/north", "slice/re:4Fgion/north/acc", "slice/r:zz/n/acc"})
    void parse_notACanonicalSliceKey_isEmpty(String key) {
        assertThat(SliceKeys.parse(key)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void parse_emptyValue_usesLoneColon() {
        assertThat(SliceKeys.key("region", "", "acc")).isEqualTo("slice/region/:/acc");
        assertThat(SliceKeys.parse("slice/region/:/acc")).hasValue(new SliceKeys.SliceKey("region", "", "acc"));
    }
}
