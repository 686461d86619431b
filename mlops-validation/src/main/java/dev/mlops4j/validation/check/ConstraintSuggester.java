package dev.mlops4j.validation.check;

import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.DistinctCount;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Suggests constraints from a {@link Profile} of known-good data, with Deequ's rules, each printed as the Java
 * code that adds it. Review the suggestions: they describe the sample, not necessarily the truth.
 *
 * <ul>
 * <li><b>CompleteIfComplete</b>: no missing value, so {@code .isComplete(column)}.</li>
 * <li><b>RetainCompleteness</b>: some values missing but at least 20% present, so
 *     {@code .hasCompleteness(column, c -> c >= observed)} (observed rounded down to a percent).</li>
 * <li><b>UniqueIfDistinctEqualsCount</b>: an integer or categorical column without missing values whose
 *     distinct count equals its row count (exactly, or within the HyperLogLog bounds), so
 *     {@code .isUnique(column)}.</li>
 * <li><b>CategoricalRange</b>: a categorical column with at most 100 distinct values, counted exactly, each
 *     occurring twice on average, so {@code .isContainedIn(column, values...)}.</li>
 * <li><b>NonNegative</b>: a numeric column whose minimum is at least 0, so {@code .isNonNegative(column)}.</li>
 * </ul>
 */
public final class ConstraintSuggester {
    private static final int MAX_CATEGORIES = 100;

    private ConstraintSuggester() {
    }

    /**
     * @param profile a profile of known-good data
     * @return the suggestions, by column in profile order
     */
    public static List<ConstraintSuggestion> suggest(Profile profile) {
        List<ConstraintSuggestion> out = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) {
            String name = c.name();
            String q = ConstraintSpec.quote(name);
            long rows = c.rows();
            if (rows == 0) {
                continue;
            }
            if (c.missing() == 0) {
                out.add(new ConstraintSuggestion(name, "CompleteIfComplete", "no missing value in " + rows + " rows",
                        ".isComplete(" + q + ")", ch -> ch.isComplete(name)));
            } else if (1 - c.missingFraction() >= 0.2) {
                double bound = Math.floor((1 - c.missingFraction()) * 100) / 100;
                out.add(new ConstraintSuggestion(name, "RetainCompleteness", "completeness "
                        + String.format(java.util.Locale.ROOT, "%.4f", 1 - c.missingFraction()),
                        ".hasCompleteness(" + q + ", c -> c >= " + bound + ")",
                        ch -> ch.hasCompleteness(name, x -> x >= bound)));
            }
            DistinctCount d = c.distinct();
            boolean idLike = c.type() == ColumnType.INTEGER || c.type() == ColumnType.CATEGORICAL;
            boolean allDistinct = d.exact() ? d.estimate() == c.count()
                    : d.lowerBound() <= c.count() && c.count() <= d.upperBound();
            if (idLike && c.missing() == 0 && c.invalid() == 0 && c.count() >= 2 && allDistinct) {
                out.add(new ConstraintSuggestion(name, "UniqueIfDistinctEqualsCount", (d.exact() ? "" : "about ")
                        + d.estimate() + " distinct values in " + c.count() + " rows", ".isUnique(" + q + ")",
                        ch -> ch.isUnique(name)));
            }
            if (c.type() == ColumnType.CATEGORICAL) {
                Optional<List<FrequentValue>> all = c.allValues();
                if (all.isPresent() && !all.get().isEmpty() && all.get().size() <= MAX_CATEGORIES
                        && all.get().size() * 2L <= c.count()) {
                    List<String> values = all.get().stream().map(FrequentValue::value).collect(Collectors.toList());
                    String[] array = values.toArray(new String[0]);
                    out.add(new ConstraintSuggestion(name, "CategoricalRange", values.size() + " categories",
                            ".isContainedIn(" + q + ", " + values.stream().map(ConstraintSpec::quote)
                                    .collect(Collectors.joining(", ")) + ")",
                            ch -> ch.isContainedIn(name, array)));
                }
            }
            if (c.type().isNumeric() && c.min().isPresent() && c.min().getAsDouble() >= 0) {
                out.add(new ConstraintSuggestion(name, "NonNegative", "minimum " + c.format(c.min().getAsDouble()),
                        ".isNonNegative(" + q + ")", ch -> ch.isNonNegative(name)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param checkName the name of the check to generate
     * @param suggestions suggestions from {@link #suggest(Profile)}
     * @return Java source of an error-level check with every suggestion, one per line, ready to paste
     */
    public static String toCode(String checkName, List<ConstraintSuggestion> suggestions) {
        StringBuilder sb = new StringBuilder("Check.error(").append(ConstraintSpec.quote(checkName)).append(")");
        for (ConstraintSuggestion s : suggestions) {
            sb.append("\n        ").append(s.code());
        }
        return sb.append(';').toString();
    }

    /**
     * @param check the check to extend
     * @param suggestions suggestions to add
     * @return a new check with every suggestion added
     */
    public static Check applyAll(Check check, List<ConstraintSuggestion> suggestions) {
        Check c = check;
        for (ConstraintSuggestion s : suggestions) {
            c = s.applyTo(c);
        }
        return c;
    }
}
