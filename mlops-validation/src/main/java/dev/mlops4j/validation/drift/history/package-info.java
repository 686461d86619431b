/**
 * Data-quality history: quality metrics saved per data set and date through the tracking store, and anomaly
 * strategies that judge today's value against the history, so that an application learns that "today's null rate is
 * unusual" without writing the statistics.
 *
 * <p>Storage, on the existing tracking API (no store change): one experiment per data set, named
 * {@value dev.mlops4j.validation.drift.history.QualityHistory#EXPERIMENT_PREFIX}{@code <data set>}, and one run per
 * recorded date, named by the ISO date and tagged
 * {@value dev.mlops4j.validation.drift.history.QualityHistory#DATE_TAG};
 * the run holds the quality metrics ({@link dev.mlops4j.validation.drift.history.QualityMetrics}, any metrics the
 * application adds, such as a drift report's) and, when recorded from a profile, the profile as a JSON artifact, so a
 * later comparison can use a past day as its reference. Recording a date again adds a run that supersedes the earlier
 * one (a sequence number decides, not the clock). Any {@link dev.mlops4j.Mlops} store works, the in-memory one for
 * tests and the H2 one for a persistent history.
 *
 * <p>Strategies ({@link dev.mlops4j.validation.drift.history.AnomalyStrategy}), after Deequ's:
 * {@link dev.mlops4j.validation.drift.history.SimpleThresholds fixed bounds},
 * {@link dev.mlops4j.validation.drift.history.RelativeRateOfChange the ratio to the previous value}, and
 * {@link dev.mlops4j.validation.drift.history.OnlineNormal the running mean &plusmn; k standard deviations} of the
 * earlier values. {@link dev.mlops4j.validation.drift.history.HistoryChecks} maps metric names (with {@code *}
 * wildcards) to strategies; {@link dev.mlops4j.validation.drift.history.QualityHistory#check} applies them to one date
 * and returns a {@link dev.mlops4j.validation.drift.history.HistoryReport}.
 */
package dev.mlops4j.validation.drift.history;
