/**
 * Model quality gates: automated, recorded decisions such as "accuracy at least 0.9, macro F1 not worse than the
 * production model by more than 0.01, and accuracy at least 0.8 in every region".
 *
 * <p>A {@link dev.mlops4j.gate.Gate} is an immutable list of {@link dev.mlops4j.gate.Condition conditions}, built
 * fluently from {@link dev.mlops4j.gate.Gate#metric(String)} and combined with
 * {@link dev.mlops4j.gate.Gate#and(dev.mlops4j.gate.Gate)}. It is evaluated against a run's latest metrics or any
 * {@link dev.mlops4j.gate.MetricValues}, optionally with a champion, and yields a
 * {@link dev.mlops4j.gate.GateResult} that lists every condition (per slice for per-slice conditions) with the
 * observed value, threshold, champion value and a PASSED / FAILED / SKIPPED status.
 *
 * <p>Semantics are TFX Evaluator's: {@link dev.mlops4j.gate.ValueThreshold value thresholds} with inclusive bounds;
 * {@link dev.mlops4j.gate.ChangeThreshold change thresholds} relative to a champion with a
 * {@link dev.mlops4j.gate.MetricDirection direction}, absolute or relative. Differences from TFX, on purpose: a
 * change condition with no champion is reported SKIPPED (TFX drops it silently); a relative change divides by the
 * champion's magnitude.
 *
 * <p>Per-slice metrics are plain metrics named by {@link dev.mlops4j.gate.SliceKeys}
 * ({@code slice/<column>/<value>/<metric>}); evaluators (such as mlops-tribuo's) log them, gates read them.
 *
 * <p>Failing gates throw only on request ({@link dev.mlops4j.gate.GateResult#throwIfFailed()},
 * {@link dev.mlops4j.gate.GateFailedException}). {@link dev.mlops4j.gate.GateRecorder} records a result on a run as
 * tags, metrics and a text table; modules with a JSON library add a structured JSON copy.
 */
package dev.mlops4j.gate;
