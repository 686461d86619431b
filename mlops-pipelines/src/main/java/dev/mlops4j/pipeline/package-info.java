/**
 * Pipelines of steps with named, typed inputs and outputs, run in-process with caching and lineage.
 *
 * <h2>Concepts</h2>
 * <ul>
 *   <li>A {@link dev.mlops4j.pipeline.Slot} is a named, typed data set with a {@link dev.mlops4j.pipeline.Serializer}.
 *       A {@link dev.mlops4j.pipeline.Step} declares the slots it reads and writes, its parameters and code version.
 *       A {@link dev.mlops4j.pipeline.Pipeline} connects steps by slot names (as Kedro does) and checks the graph when
 *       built: missing inputs, duplicate outputs and cycles fail before anything runs.</li>
 *   <li>A run ({@link dev.mlops4j.pipeline.PipelineExecution}) is a tracking run; each step it executes is a child
 *       run. Steps run one after another or, given an executor, as soon as their producers finish. Attempts are
 *       retried with backoff ({@link dev.mlops4j.pipeline.RetryPolicy}), bounded by timeouts, and cancellable.</li>
 *   <li>Outputs are stored in the artifact store (files are left in place and fingerprinted) and recorded as lineage
 *       {@link dev.mlops4j.lineage.Artifact artifacts}; every step is an {@link dev.mlops4j.lineage.Execution} with
 *       its input and output events: recorded RUNNING with its inputs when it starts (so a step in flight is
 *       visible), then updated atomically to COMPLETE with its outputs, or to FAILED or CANCELED. Steps that never
 *       start (the run was cancelled, or a step failed) are recorded CANCELED with a {@code reason}. If the process
 *       dies in a step, the next {@code Mlops} to open marks the step's run KILLED and its execution FAILED.</li>
 *   <li>Caching: a step's cache key is a SHA-256 of its name, code version (declared, or the fingerprint of the code
 *       its body can reach: its classes, what it captured and every application class their bytecode references,
 *       transitively, with libraries counted by their jar's content; see
 *       {@link dev.mlops4j.pipeline.StepBuilder#version(String)} for what it cannot see), canonical parameters,
 *       input fingerprints and output names. A step whose key matches an
 *       earlier COMPLETE execution with intact outputs (blobs present, files unchanged) is not executed; it is
 *       recorded as a CACHED execution of the pipeline run (with its cache key and, in property {@code cachedFrom},
 *       the execution it reused). Nothing runs, so a hit gets no child run (an hourly re-run would otherwise leave
 *       a dozen empty runs every hour); its {@link dev.mlops4j.pipeline.StepResult#stepRunId()} names the run that
 *       made the outputs it reuses. A run's cache hits (and its inputs record) are queued and written in one
 *       transaction before the next step executes and when the run ends. The run's own tracking run is written when first needed (a step executes, an
 *       input value is stored): a fully cached re-run writes its run already FINISHED, with its summary metrics, the
 *       cache hits and its context in <em>one</em> transaction. With hooks everything is written at once, so a hook
 *       always finds what it is told about. Cache lookups are remembered by the {@code Mlops} instance (answers
 *       change only when an execution with that key completes or retention deletes artifacts, which this instance
 *       sees at once and other processes' writes after 30 s); outputs are checked intact on every hit. Because outputs of completed steps are kept when a later step fails,
 *       re-running a failed pipeline resumes where it failed.</li>
 * </ul>
 */
package dev.mlops4j.pipeline;
