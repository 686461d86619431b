package dev.mlops4j.validation.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintSuggesterTest {

    @Test
    void suggest_iris_completeCategoricalRangeAndNonNegative() {
        Profile profile = Profile.of(CsvTable.of(SharedData.path("iris.csv")));

        List<ConstraintSuggestion> s = ConstraintSuggester.suggest(profile);

        assertThat(s).extracting(ConstraintSuggestion::code).containsExactly(
                ".isComplete(\"sepal_length\")", ".isNonNegative(\"sepal_length\")",
                ".isComplete(\"sepal_width\")", ".isNonNegative(\"sepal_width\")",
                ".isComplete(\"petal_length\")", ".isNonNegative(\"petal_length\")",
                ".isComplete(\"petal_width\")", ".isNonNegative(\"petal_width\")",
                ".isComplete(\"species\")", ".isContainedIn(\"species\", \"setosa\", \"versicolor\", \"virginica\")");
        assertThat(s.get(9).rule()).isEqualTo("CategoricalRange");
        assertThat(s.get(9).toString()).contains("// CategoricalRange: 3 categories");
    }

    @Test
    void suggest_identifiersAndPartlyMissingColumns_uniqueAndRetainCompleteness() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("id", (long) i);
            m.put("note", i % 10 == 0 ? null : "n" + i);
            m.put("delta", i - 50.0);
            rows.add(m);
        }

        List<String> codes = ConstraintSuggester.suggest(Profile.of(Table.ofMaps(rows))).stream()
                .map(ConstraintSuggestion::code).toList();

        assertThat(codes).contains(".isUnique(\"id\")", ".isComplete(\"id\")", ".isNonNegative(\"id\")",
                ".hasCompleteness(\"note\", c -> c >= 0.9)", ".isComplete(\"delta\")");
        assertThat(codes).doesNotContain(".isUnique(\"note\")", ".isNonNegative(\"delta\")", ".isUnique(\"delta\")");
    }

    @Test
    void applyAll_suggestionsFromAProfile_holdOnTheSameData() {
        CsvTable wine = CsvTable.of(SharedData.path("wine.csv"));
        List<ConstraintSuggestion> suggestions = ConstraintSuggester.suggest(Profile.of(wine));

        Check check = ConstraintSuggester.applyAll(Check.error("wine"), suggestions);
        CheckResult result = check.run(wine);

        assertThat(check.constraints()).hasSize(suggestions.size());
        assertThat(result.isSuccess()).as(result.toString()).isTrue();
        assertThat(check.constraints()).containsExactlyElementsOf(suggestions.stream()
                .map(s -> s.code().substring(1).replace("c -> c >= ", "<assertion>")).toList());
    }

    @Test
    void toCode_printsPasteableJava() {
        List<ConstraintSuggestion> s = ConstraintSuggester.suggest(Profile.of(Table.ofMaps(List.of(
                Map.of("id", 1L), Map.of("id", 2L)))));

        assertThat(ConstraintSuggester.toCode("ids", s)).isEqualTo("""
                Check.error("ids")
                        .isComplete("id")
                        .isUnique("id")
                        .isNonNegative("id");""");
    }
}
