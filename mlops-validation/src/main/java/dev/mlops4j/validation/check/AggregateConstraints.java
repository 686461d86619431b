package dev.mlops4j.validation.check;

import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Row;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.LongPredicate;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/** Aggregate constraints: one observed value per data set, asserted by a predicate. */
final class AggregateConstraints {
    private AggregateConstraints() {
    }

    static ConstraintResult aggregate(String description, Double observed, boolean ok, String failure) {
        return new ConstraintResult(description, ok ? ConstraintStatus.SUCCESS : ConstraintStatus.FAILURE, observed,
                null, null, List.of(), ok ? "" : failure);
    }

    /** The number of well-formed rows. */
    static final class Size extends ConstraintSpec {
        private final LongPredicate assertion;

        Size(String description, LongPredicate assertion) {
            super(description);
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            return new Evaluator() {
                @Override
                public void accept(Row row) {
                }

                @Override
                public ConstraintResult result(long rows) {
                    boolean ok = assertion.test(rows);
                    return aggregate(description, (double) rows, ok, "the data set has " + rows
                            + " rows, which does not satisfy the assertion");
                }
            };
        }
    }

    /** Which statistic a {@link Statistic} constraint measures. */
    enum Stat { MIN, MAX, MEAN, SUM, STDDEV }

    /** min, max, mean, sum or population standard deviation of the numbers of a column (NaN excluded). */
    static final class Statistic extends ConstraintSpec {
        private final String column;
        private final Stat stat;
        private final DoublePredicate assertion;

        Statistic(String description, String column, Stat stat, DoublePredicate assertion) {
            super(description);
            this.column = column;
            this.stat = stat;
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            ColumnType type = columns.get(c).type();
            if (type == ColumnType.CATEGORICAL) {
                return failing("column '" + column + "' is categorical; " + stat.name().toLowerCase(java.util.Locale.ROOT)
                        + " needs numbers");
            }
            return new Evaluator() {
                private long n;
                private double mean;
                private double m2;
                private double sum;
                private double compensation;
                private double min = Double.POSITIVE_INFINITY;
                private double max = Double.NEGATIVE_INFINITY;

                @Override
                public void accept(Row row) {
                    if (!row.isPresent(c)) {
                        return;
                    }
                    double v = row.doubleValue(c);
                    if (v != v) {
                        return;
                    }
                    n++;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    double d = v - mean;
                    mean += d / n;
                    m2 += d * (v - mean);
                    // Kahan summation keeps the sum exact enough for large row counts
                    double y = v - compensation;
                    double t = sum + y;
                    compensation = (t - sum) - y;
                    sum = t;
                }

                @Override
                public ConstraintResult result(long rows) {
                    if (n == 0 && stat != Stat.SUM) {
                        return aggregate(description, null, false, "column '" + column + "' has no numbers");
                    }
                    double observed;
                    switch (stat) {
                        case MIN:
                            observed = min;
                            break;
                        case MAX:
                            observed = max;
                            break;
                        case MEAN:
                            observed = mean;
                            break;
                        case SUM:
                            observed = sum;
                            break;
                        default:
                            observed = Math.sqrt(Math.max(0, m2 / n));
                            break;
                    }
                    boolean ok = assertion.test(observed);
                    return aggregate(description, observed, ok, stat.name().toLowerCase(java.util.Locale.ROOT) + " of '"
                            + column + "' is " + observed + ", which does not satisfy the assertion");
                }
            };
        }
    }

    /** An approximate quantile from a KLL sketch (about 1.3% normalised rank error). */
    static final class Quantile extends ConstraintSpec {
        private final String column;
        private final double rank;
        private final DoublePredicate assertion;

        Quantile(String description, String column, double rank, DoublePredicate assertion) {
            super(description);
            this.column = column;
            this.rank = rank;
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            if (!columns.get(c).type().isOrdered()) {
                return failing("column '" + column + "' is " + columns.get(c).type() + "; quantiles need an ordered"
                        + " column");
            }
            KllDoublesSketch kll = KllDoublesSketch.newHeapInstance(200);
            return new Evaluator() {
                @Override
                public void accept(Row row) {
                    if (row.isPresent(c)) {
                        double v = row.doubleValue(c);
                        if (v == v) {
                            kll.update(v);
                        }
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    if (kll.isEmpty()) {
                        return aggregate(description, null, false, "column '" + column + "' has no numbers");
                    }
                    double q = kll.getQuantile(rank, QuantileSearchCriteria.INCLUSIVE);
                    boolean ok = assertion.test(q);
                    return aggregate(description, q, ok, "quantile " + rank + " of '" + column + "' is about " + q
                            + ", which does not satisfy the assertion");
                }
            };
        }
    }

    /** An approximate distinct count from a HyperLogLog sketch (about 1.6% relative error), in 4 KiB. */
    static final class ApproxDistinct extends ConstraintSpec {
        private final String column;
        private final LongPredicate assertion;

        ApproxDistinct(String description, String column, LongPredicate assertion) {
            super(description);
            this.column = column;
            this.assertion = assertion;
        }

        @Override
        Evaluator bind(List<Column> columns, Context context) {
            int c = indexOf(columns, column);
            if (c < 0) {
                return failing(unknownColumn(column, columns));
            }
            ColumnType type = columns.get(c).type();
            HllSketch hll = new HllSketch(12, TgtHllType.HLL_8);
            return new Evaluator() {
                @Override
                public void accept(Row row) {
                    if (!row.isMissing(c)) {
                        hll.update(UniquenessConstraint.key(row, c, type));
                    }
                }

                @Override
                public ConstraintResult result(long rows) {
                    long estimate = Math.round(hll.getEstimate());
                    boolean ok = assertion.test(estimate);
                    return aggregate(description, (double) estimate, ok, "about " + estimate + " distinct values in '"
                            + column + "', which does not satisfy the assertion");
                }
            };
        }
    }
}
