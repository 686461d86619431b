/**
 * Live monitoring of served models, the "collects statistics on the model performance based on live data" of MLOps
 * level 2. A {@link dev.mlops4j.monitoring.PredictionMonitor} is a {@link dev.mlops4j.serving.PredictionSink}: give
 * it to {@code ServingOptions.builder().recordTo(monitor)} and it cuts recorded predictions into windows (taking them
 * as primitive {@link dev.mlops4j.serving.PredictionColumns} unless a key function needs records), compares
 * each window's features with the training profile, or with a {@link dev.mlops4j.monitoring.WindowReference reference
 * chosen per window} such as the same season of the training data ({@link dev.mlops4j.validation.drift.DriftReport}
 * per window),
 * joins late labels to compute live accuracy, RMSE and MAE, and raises {@link dev.mlops4j.monitoring.MonitorAlert}s.
 * Its {@code latestDrift()} and {@code latestMetrics()} feed the drift and gate triggers of
 * {@link dev.mlops4j.trigger}, which closes the loop to retraining. {@link dev.mlops4j.monitoring.MonitorMeters}
 * exposes the numbers to Micrometer when the application has it. Several models' monitors can share one sink: each
 * built with {@code onlyModel()} takes only its model's records. A closed window's analysis (profile, drift tests,
 * alerts) runs on the monitor's analysis executor, in window order, so the serving handle's recording thread only
 * appends values; windows that wait too long are skipped and counted rather than holding recording up.
 */
package dev.mlops4j.monitoring;
