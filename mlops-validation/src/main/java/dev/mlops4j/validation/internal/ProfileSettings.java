package dev.mlops4j.validation.internal;

/**
 * Sketch sizes and limits of a profile.
 *
 * @param exactDistinctLimit distinct values counted exactly (with their frequencies) before switching to sketches
 * @param quantileK KLL parameter k (200 gives about 1.3% normalised rank error)
 * @param hllLgK log2 of the HyperLogLog register count (12 gives about 1.6% relative standard error)
 * @param frequentItemsMapSize map size of the frequent-items sketch (a power of two)
 * @param topK number of frequent values reported
 * @param histogramBins number of histogram buckets
 * @param maxMalformedSamples malformed rows kept as samples
 * @param quantiles whether ordered columns keep a KLL sketch beyond the exact bound (quantiles and histograms);
 *     the sketch costs about 30 ns per value, the largest share of a profile's time
 */
public record ProfileSettings(int exactDistinctLimit, int quantileK, int hllLgK, int frequentItemsMapSize,
        int topK, int histogramBins, int maxMalformedSamples, boolean quantiles) {

    /** The defaults. */
    public static final ProfileSettings DEFAULTS = new ProfileSettings(1024, 200, 12, 512, 20, 10, 10, true);

    /**
     * @param exactLimit distinct values counted exactly
     * @param k the KLL sketch's k
     * @return these settings with those sizes
     */
    public ProfileSettings withLimits(int exactLimit, int k) {
        return new ProfileSettings(exactLimit, k, hllLgK, frequentItemsMapSize, topK, histogramBins,
                maxMalformedSamples, quantiles);
    }

    /** @param keep whether to keep quantile sketches @return these settings with that choice */
    public ProfileSettings withQuantiles(boolean keep) {
        return new ProfileSettings(exactDistinctLimit, quantileK, hllLgK, frequentItemsMapSize, topK, histogramBins,
                maxMalformedSamples, keep);
    }
}
