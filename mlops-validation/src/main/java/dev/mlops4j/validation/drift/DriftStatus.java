package dev.mlops4j.validation.drift;

/** The verdict on a column, a monitor or a whole data set, from best to worst. */
public enum DriftStatus {
    /** Compared, and within the thresholds. */
    NO_DRIFT,
    /** Compared, past the warning threshold but not the drift threshold. */
    WARNING,
    /** Compared, past the drift threshold. */
    DRIFT,
    /**
     * Not judged: too few values on one side (fewer than {@link DriftDetector.Builder#minSampleSize(int)}), so that no
     * alarm is raised on noise.
     */
    NOT_ENOUGH_DATA,
    /**
     * Not judged: the column is missing on one side, its types cannot be compared (numbers against text), or the
     * profile lacks what the method needs (an ordered column profiled without quantile sketches).
     */
    NOT_COMPARABLE;

    /** @return true for {@link #NO_DRIFT}, {@link #WARNING} and {@link #DRIFT}: a comparison was made */
    public boolean isJudged() {
        return this == NO_DRIFT || this == WARNING || this == DRIFT;
    }

    /**
     * @param other another status of a judged comparison
     * @return the worse of the two among NO_DRIFT, WARNING, DRIFT
     */
    public DriftStatus worse(DriftStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
