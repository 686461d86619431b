package dev.mlops4j.validation.schema;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.profile.ColumnProfile;
import dev.mlops4j.validation.profile.FrequentValue;
import dev.mlops4j.validation.profile.Profile;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules that turn a {@link Profile} of known-good data into a {@link Schema}. Immutable and thread-safe.
 *
 * <ul>
 * <li>Every profiled column is expected with its profiled type and must be present.</li>
 * <li>Presence: a column without missing values is {@link ColumnEditor#required() required} (no missing
 *     value allowed); otherwise its missing fraction is limited to the observed fraction rounded up to the
 *     next percent.</li>
 * <li>Ranges (on by default): ordered columns (integer, floating, date, timestamp) get [min, max] as observed.
 *     Review them: a range from a sample is often too tight.</li>
 * <li>Domains: a categorical column gets its observed values as domain when they were counted exactly, are at
 *     most {@link Builder#maxDomainSize(int)} (default 100, as TFDV's {@code max_string_domain_size}) and
 *     each value occurs on average at least twice (so identifiers and free text get no domain).</li>
 * <li>Environments and distinct-count bounds are never inferred.</li>
 * </ul>
 */
public final class SchemaInference {
    private static final SchemaInference DEFAULTS = builder().build();

    private final int maxDomainSize;
    private final boolean inferRanges;

    private SchemaInference(Builder b) {
        this.maxDomainSize = b.maxDomainSize;
        this.inferRanges = b.inferRanges;
    }

    /** @return the default rules */
    public static SchemaInference defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param profile a profile of data known to be good
     * @return a new schema
     */
    public Schema infer(Profile profile) {
        Schema schema = Schema.create();
        for (ColumnProfile c : profile.columns()) {
            ColumnEditor ed = schema.column(c.name()).type(c.type()).required();
            if (c.missing() > 0) {
                ed.maxMissingFraction(Math.min(1.0, Math.ceil(c.missingFraction() * 100) / 100));
            }
            if (inferRanges && c.type().isOrdered() && c.min().isPresent()) {
                ed.min(c.min().getAsDouble()).max(c.max().getAsDouble());
            }
            if (c.type() == ColumnType.CATEGORICAL) {
                Optional<List<FrequentValue>> all = c.allValues();
                if (all.isPresent() && !all.get().isEmpty() && all.get().size() <= maxDomainSize
                        && all.get().size() * 2L <= c.count()) {
                    ed.domain(all.get().stream().map(FrequentValue::value).sorted().collect(Collectors.toList()));
                }
            }
        }
        return schema;
    }

    /** Settings of a {@link SchemaInference}. */
    public static final class Builder {
        private int maxDomainSize = 100;
        private boolean inferRanges = true;

        private Builder() {
        }

        /** @param size most values in an inferred domain (default 100) @return this builder */
        public Builder maxDomainSize(int size) {
            if (size < 0) {
                throw new InvalidInputException("maxDomainSize must be >= 0, was " + size);
            }
            this.maxDomainSize = size;
            return this;
        }

        /** @param infer whether to infer [min, max] ranges of ordered columns (default true) @return this builder */
        public Builder inferRanges(boolean infer) {
            this.inferRanges = infer;
            return this;
        }

        /** @return the rules */
        public SchemaInference build() {
            return new SchemaInference(this);
        }
    }
}
