package dev.mlops4j.validation.internal;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.Row;
import dev.mlops4j.validation.internal.ProfileAccumulator.ProfileData;
import java.util.ArrayList;
import java.util.List;

/** One validation pass: profiles every column and applies the per-value rules of the schema's columns. */
public final class ValidationAccumulator implements Passes.RowSink<ValidationAccumulator.Result> {
    private final ProfileAccumulator profile;
    private final ColumnRule[] rules;

    /**
     * @param columns the table's columns
     * @param rules the rules of the columns the schema constrains (fresh copies are made)
     * @param settings profile settings
     */
    public ValidationAccumulator(List<Column> columns, List<ColumnRule> rules, ProfileSettings settings) {
        this.profile = new ProfileAccumulator(columns, settings);
        this.rules = rules.stream().map(ColumnRule::fresh).toArray(ColumnRule[]::new);
    }

    @Override
    public void accept(Row row) {
        profile.accept(row);
        if (row.isMalformed()) {
            return;
        }
        for (ColumnRule r : rules) {
            r.accept(row);
        }
    }

    @Override
    public Result result() {
        return new Result(profile.result(), List.of(rules));
    }

    /**
     * The statistics and rule outcomes of a pass.
     *
     * @param profile the profile of the data
     * @param rules the rules with their counts and samples
     */
    public record Result(ProfileData profile, List<ColumnRule> rules) {
        /**
         * @param later the result over a later part of the data
         * @return both combined
         */
        public Result merge(Result later) {
            List<ColumnRule> merged = new ArrayList<>(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                merged.add(rules.get(i).absorb(later.rules.get(i)));
            }
            return new Result(profile.merge(later.profile), merged);
        }
    }
}
