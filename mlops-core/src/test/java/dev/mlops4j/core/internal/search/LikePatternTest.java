package dev.mlops4j.core.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LikePatternTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // literal, whole-string, case-sensitive
                arguments("abc", false, "abc", true),
                arguments("abc", false, "abcd", false),
                arguments("abc", false, "xabc", false),
                arguments("abc", false, "ABC", false),
                arguments("", false, "", true),
                arguments("", false, "a", false),
                // %
                arguments("a%", false, "a", true),
                arguments("a%", false, "ba", false),
                arguments("%a", false, "ba", true),
                arguments("%", false, "", true),
                arguments("%%", false, "xyz", true),
                arguments("%b%", false, "abc", true),
                arguments("%b%b%", false, "abc", false),
                arguments("%b%b%", false, "bb", true),
                arguments("a%b%c", false, "aXbYc", true),
                arguments("a%bc%bd", false, "abcbcbd", true),
                arguments("%ab%ab", false, "abab", true),
                arguments("%ab%ab", false, "ab", false),
                arguments("aa%aa", false, "aaa", false),
                arguments("aa%aa", false, "aaaa", true),
                // _
                arguments("_", false, "", false),
                arguments("_", false, "x", true),
                arguments("_", false, "xy", false),
                arguments("a_c", false, "abc", true),
                arguments("a_c", false, "ac", false),
                arguments("%a_c%", false, "zzabcabd", true),
                arguments("%_b_%", false, "ab", false),
                // escapes
                arguments("100\\%", false, "100%", true),
                arguments("100\\%", false, "1000", false),
                arguments("a\\_c", false, "a_c", true),
                arguments("a\\_c", false, "abc", false),
                arguments("a\\\\b", false, "a\\b", true),
                arguments("a\\\\%", false, "a\\xyz", true),
                arguments("\\a", false, "a", true),
                arguments("a\\", false, "a\\", true),
                // ILIKE lower-cases both sides with Locale.ROOT
                arguments("abc", true, "ABC", true),
                arguments("%RISK%", true, "low risk", true),
                arguments("a_C", true, "AbC", true),
                arguments("ÉTÉ", true, "été", true),
                arguments("ÉTÉ", false, "été", false),
                // regular-expression syntax means nothing
                arguments(".*", false, "abc", false),
                arguments(".*", false, ".*", true),
                arguments("[a]", false, "a", false),
                arguments("(a|b)", false, "(a|b)", true),
                arguments("$^\\E\\Q", false, "$^EQ", true));
    }

    @ParameterizedTest(name = "[{index}] {0} ilike={1} on {2}")
    @MethodSource("cases")
    void matches_patternAndValue_followsLikeSemantics(String pattern, boolean ci, String value, boolean expected) {
        assertThat(LikePattern.compile(pattern, ci).matches(value)).isEqualTo(expected);
    }

    static Stream<Arguments> sqlForms() {
        return Stream.of(
                arguments("100\\%", false, '\\', "100\\%"),
                arguments("a\\b", false, '\\', "ab"),
                arguments("a_b%", false, '!', "a_b%"),
                arguments("50!", false, '!', "50!!"),
                arguments("a\\_%", false, '\\', "a\\_%"),
                arguments("ABC%", true, '\\', "abc%"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sqlForms")
    void toSqlPattern_pattern_escapesOnlyWildcardsAndEscape(String pattern, boolean ci, char escape, String sql) {
        assertThat(LikePattern.compile(pattern, ci).toSqlPattern(escape)).isEqualTo(sql);
    }

    @Property(tries = 2000)
    void matches_anyPattern_agreesWithQuotedRegexReference(
            @ForAll @Chars({'a', 'b', '%', '_', '\\'}) @StringLength(max = 7) String pattern,
            @ForAll @Chars({'a', 'b', '%', '_', '\\'}) @StringLength(max = 7) String value) {
        assertThat(LikePattern.compile(pattern, false).matches(value)).isEqualTo(reference(pattern, value));
    }

    @Property(tries = 500)
    void matches_ilike_equalsLikeOnLowerCasedInputs(
            @ForAll @Chars({'a', 'B', 'é', 'É', '%', '_'}) @StringLength(max = 6) String pattern,
            @ForAll @Chars({'a', 'A', 'b', 'B', 'é', 'É'}) @StringLength(max = 6) String value) {
        assertThat(LikePattern.compile(pattern, true).matches(value))
                .isEqualTo(reference(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT)));
    }

    @Property(tries = 500)
    void toSqlPattern_reparsed_matchesTheSameValues(
            @ForAll @Chars({'a', '!', '%', '_', '\\'}) @StringLength(max = 6) String pattern,
            @ForAll @Chars({'a', '!', '%', '_', '\\'}) @StringLength(max = 6) String value) {
        LikePattern original = LikePattern.compile(pattern, false);
        String sql = original.toSqlPattern('!');
        // Reading the SQL form back with '!' as the escape character must give the same matcher.
        StringBuilder backslashForm = new StringBuilder();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '!') {
                backslashForm.append('\\').append(sql.charAt(++i));
            } else if (c == '\\') {
                backslashForm.append("\\\\");
            } else {
                backslashForm.append(c);
            }
        }

        assertThat(LikePattern.compile(backslashForm.toString(), false).matches(value))
                .isEqualTo(original.matches(value));
    }

    /** The obvious regex translation, with every literal quoted: slow but clearly right. */
    private static boolean reference(String pattern, String value) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
