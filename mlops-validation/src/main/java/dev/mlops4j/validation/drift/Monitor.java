package dev.mlops4j.validation.drift;

/**
 * The simple univariate monitors of the MLOps literature, computed for every column next to its drift method.
 * They have their own thresholds ({@link DriftDetector.Builder#monitorThresholds(Monitor, Thresholds)}); their
 * status is reported apart from the column's drift status and does not count towards the data set's drift share.
 */
public enum Monitor {
    /**
     * {@code |m_cur - m_ref|} where {@code m} is the share of rows whose cell is missing (invalid cells are not
     * counted as missing). Every column. Default thresholds 0.05 / 0.1.
     */
    MISSING_FRACTION_CHANGE("missing_fraction_change", 0.05, 0.1),
    /**
     * The share of the current values (present, non-missing) whose value never occurs in the reference. Categorical
     * and boolean columns. Exact when both sides were counted exactly; with a sketched side it counts only values the
     * sketches track (a lower bound). Default thresholds 0.01 / 0.05.
     */
    NEW_CATEGORY_FRACTION("new_category_fraction", 0.01, 0.05),
    /**
     * {@code o_cur - o_ref} where {@code o} is the share of values outside the closed interval
     * {@code [mean_ref - 2 sd_ref, mean_ref + 2 sd_ref]} (population standard deviation of the reference): how many
     * more values than in the reference itself are far from its mean (about 4.6% for a normal distribution). Ordered
     * columns. Default thresholds 0.05 / 0.1.
     */
    OUTSIDE_REFERENCE_2_SIGMA("outside_2sd_increase", 0.05, 0.1);

    private final String key;
    private final Thresholds defaults;

    Monitor(String key, double warning, double drift) {
        this.key = key;
        this.defaults = Thresholds.of(warning, drift);
    }

    /** @return a short, stable identifier for metric keys and JSON */
    public String key() {
        return key;
    }

    /** @return the default thresholds (value at or above warns / drifts) */
    public Thresholds defaultThresholds() {
        return defaults;
    }

    /**
     * @param key a {@link #key()}
     * @return the monitor
     * @throws dev.mlops4j.InvalidInputException if unknown
     */
    public static Monitor ofKey(String key) {
        for (Monitor m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new dev.mlops4j.InvalidInputException("unknown monitor '" + key + "'");
    }
}
