package dev.mlops4j.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.FeatureDomain;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class SignatureCheckTest {
    private final SignatureCheck check = SignatureCheck.of(List.of("alcohol", "hue", "proline"),
            Map.of("alcohol", new FeatureDomain(11.0, 14.8), "proline", new FeatureDomain(278, 1680)), 0.0);

    @Test
    void check_cleanInput_returnsTheSharedEmptyList() {
        List<InputIssue> issues = check.check(Map.of("alcohol", 13.0, "hue", 0.9, "proline", 1000));
        assertThat(issues).isEmpty();
        assertThat(issues).isSameAs(List.of());
    }

    @Test
    void check_everyKindOfIssue_isReportedOncePerFeature() {
        Map<String, Number> input = new HashMap<>();
        input.put("alcohol", 15.0);
        input.put("hue", Double.NaN);
        input.put("color", 3);

        List<InputIssue> issues = check.check(input);

        assertThat(issues).extracting(InputIssue::kind, InputIssue::feature).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(InputIssueKind.OUT_OF_DOMAIN, "alcohol"),
                org.assertj.core.groups.Tuple.tuple(InputIssueKind.NON_FINITE, "hue"),
                org.assertj.core.groups.Tuple.tuple(InputIssueKind.UNKNOWN_FEATURE, "color"),
                org.assertj.core.groups.Tuple.tuple(InputIssueKind.MISSING_FEATURE, "proline"));
        assertThat(issues).filteredOn(i -> i.kind() == InputIssueKind.OUT_OF_DOMAIN).singleElement()
                .extracting(InputIssue::message).asString().contains("[11.0, 14.8]");
    }

    @Test
    void check_infinityWithoutKnownDomain_isNonFinite() {
        assertThat(check.check(Map.of("alcohol", 12, "hue", Double.POSITIVE_INFINITY, "proline", 500)))
                .extracting(InputIssue::kind).containsExactly(InputIssueKind.NON_FINITE);
        assertThat(check.check(Map.of("alcohol", 12, "hue", -Double.MAX_VALUE, "proline", 500))).isEmpty();
    }

    @Property
    void check_valuesInsideTheRange_neverFlagged(@ForAll @DoubleRange(min = 11.0, max = 14.8) double alcohol,
                                                 @ForAll @DoubleRange(min = 278, max = 1680) double proline,
                                                 @ForAll double hue) {
        List<InputIssue> issues = check.check(Map.of("alcohol", alcohol, "hue", hue, "proline", proline));
        assertThat(issues).allMatch(i -> i.feature().equals("hue") && i.kind() == InputIssueKind.NON_FINITE);
        assertThat(issues.isEmpty()).isEqualTo(Double.isFinite(hue));
    }

    @Test
    void of_negativeTolerance_throwsInvalidInput() {
        assertThatThrownBy(() -> SignatureCheck.of(List.of("a"), Map.of(), -0.1))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void servingOptions_policies_defaultsAndOverrides() {
        ServingOptions defaults = ServingOptions.defaults();
        ServingOptions strict = ServingOptions.builder().inputPolicy(InputPolicy.COUNT)
                .policy(InputIssueKind.NON_FINITE, InputPolicy.REJECT).build();

        assertThat(defaults.policy(InputIssueKind.UNKNOWN_FEATURE)).isEqualTo(InputPolicy.REJECT);
        assertThat(defaults.policy(InputIssueKind.OUT_OF_DOMAIN)).isEqualTo(InputPolicy.WARN);
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(strict.policy(InputIssueKind.MISSING_FEATURE)).isEqualTo(InputPolicy.COUNT);
        assertThat(strict.policy(InputIssueKind.NON_FINITE)).isEqualTo(InputPolicy.REJECT);
        assertThatThrownBy(() -> ServingOptions.builder().sampleRate(1.5).build())
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ServingOptions.builder().pollInterval(Duration.ofSeconds(-1)).build())
                .isInstanceOf(InvalidInputException.class);
    }
}
