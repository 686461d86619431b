package dev.mlops4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class ChecksTest {

    @Property
    void truncate_anyText_fitsLimitKeepsPrefixAndNeverSplitsSurrogatePair(
            @ForAll @StringLength(max = 60) String text, @ForAll @IntRange(min = 4, max = 40) int max) {
        // Mix in astral characters (surrogate pairs) so that cuts land inside them.
        String input = text.replace('a', '\uD83D').replace('b', '\uDE00');
        String cut = Checks.truncate(input, max);

        assertThat(cut.length()).isLessThanOrEqualTo(max);
        if (input.length() <= max) {
            assertThat(cut).isEqualTo(input);
        } else {
            assertThat(cut).endsWith("...");
            String kept = cut.substring(0, cut.length() - 3);
            assertThat(input).startsWith(kept);
            assertThat(kept.isEmpty() || !Character.isHighSurrogate(kept.charAt(kept.length() - 1))
                    || !Character.isLowSurrogate(input.charAt(kept.length()))).isTrue();
        }
    }
}
