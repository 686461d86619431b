package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc|abc",
        "a%c_|a%c_",
        "50\\%|50\\%",
        "a\\_b|a\\_b",
        "back\\\\slash|back\\\\slash",
        "\\x|x",
        "end\\|end\\\\",
        "\"\"|\"\"",
    })
    void toSql_searchPattern_escapesEveryLiteralWildcardAndBackslash(String pattern, String sql) {
        assertThat(LikePatterns.toSql(pattern)).isEqualTo(sql);
    }
}
