package dev.mlops4j.pipeline.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.lineage.Artifact;
import dev.mlops4j.lineage.ArtifactQuery;
import dev.mlops4j.lineage.ArtifactState;
import dev.mlops4j.lineage.Context;
import dev.mlops4j.lineage.Event;
import dev.mlops4j.lineage.EventType;
import dev.mlops4j.lineage.Execution;
import dev.mlops4j.lineage.ExecutionOutputs;
import dev.mlops4j.lineage.ExecutionQuery;
import dev.mlops4j.lineage.ExecutionRecord;
import dev.mlops4j.lineage.ExecutionState;
import dev.mlops4j.pipeline.Serializer;
import dev.mlops4j.pipeline.Slot;
import dev.mlops4j.tracking.ArtifactInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data a pipeline run starts from: values passed with {@code input(...)}, recorded as the outputs of one
 * {@value PipelineRunner#INPUTS_EXECUTION_TYPE} execution (files by reference, reusing the artifact of an unchanged
 * file), and, for slices, the latest intact outputs of the steps left out.
 */
final class Inputs {
    private final PipelineRunner owner;

    Inputs(PipelineRunner owner) {
        this.owner = owner;
    }

    void importAll() {
        String executionId = Execution.newId();
        Instant now = owner.now();
        List<Artifact> created = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        for (Slot<?> slot : owner.pipeline.inputs().values()) {
            Object value = owner.settings.inputs().get(slot.name());
            if (value == null) {
                String producer = owner.pipeline.slicedInputs().get(slot.name());
                if (producer == null) {
                    throw new InvalidInputException("pipeline '" + owner.pipeline.name() + "' needs input '"
                            + slot.name() + "'; pass it with .input(" + slot.name() + ", value)");
                }
                owner.data.put(slot.name(), fromLatest(slot, producer));
                continue;
            }
            if (!slot.type().isInstance(value)) {
                throw new InvalidInputException("input '" + slot.name() + "' is a " + value.getClass().getName()
                        + ", not a " + slot.type().getName());
            }
            if (!slot.isPersistent()) {
                owner.data.put(slot.name(), Produced.withValue(slot, null, value));
                continue;
            }
            Artifact a = artifactOf(slot, value, now, created);
            events.add(new Event(executionId, a.id(), EventType.OUTPUT, slot.name(), now));
            owner.data.put(slot.name(), Produced.withValue(slot, a, value));
        }
        if (!events.isEmpty()) {
            // Queued with the run's first cache hits: written before any step executes, and before the run ends.
            owner.defer(new ExecutionRecord(new Execution(executionId, PipelineRunner.INPUTS_EXECUTION_TYPE,
                    ExecutionState.COMPLETE, "", owner.runId, now, now, Map.of("pipeline", owner.pipeline.name())),
                    created, events, owner.contextIds));
        }
    }

    @SuppressWarnings("unchecked")
    private Artifact artifactOf(Slot<?> slot, Object value, Instant now, List<Artifact> created) {
        Serializer<Object> serializer = (Serializer<Object>) slot.serializer().orElseThrow();
        Map<String, String> props = Map.of("slot", slot.name(), "format", serializer.id());
        try {
            if (serializer.storesByReference()) {
                Path file = ((Path) value).toAbsolutePath();
                if (!Files.isRegularFile(file)) {
                    throw new InvalidInputException("input '" + slot.name() + "' is " + file + ", which is not a"
                            + " readable regular file");
                }
                String uri = file.toUri().toString();
                String sha = StepRunner.sha256(file);
                // The same unchanged file is one artifact, so "what was made from this file" finds every run.
                List<Artifact> same = owner.lineage.artifacts(ArtifactQuery.all().withUri(uri).withFingerprint(sha)
                        .withState(ArtifactState.LIVE).withLimit(1));
                if (!same.isEmpty()) {
                    return same.get(0);
                }
                Artifact a = new Artifact(Artifact.newId(), slot.artifactType(), uri, sha, Files.size(file),
                        ArtifactState.LIVE, now, props);
                created.add(a);
                return a;
            }
            byte[] bytes = serializer.serialize(value);
            String path = "inputs/" + slot.name();
            ArtifactInfo info = owner.run().logArtifact(path, bytes);
            Artifact a = new Artifact(Artifact.newId(), slot.artifactType(), "runs:/" + owner.runId + "/" + path,
                    info.sha256(), info.size(), ArtifactState.LIVE, now, props);
            created.add(a);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record input '" + slot.name() + "': " + e, e);
        }
    }

    private Produced fromLatest(Slot<?> slot, String producer) {
        Optional<Context> pipelineContext = owner.lineage.findContext(Context.PIPELINE, owner.pipeline.name());
        if (pipelineContext.isPresent()) {
            // One read for the newest executions of the producer with their outputs, newest first.
            for (ExecutionOutputs e : owner.lineage.executionsWithOutputs(ExecutionQuery.all()
                    .inContext(pipelineContext.get().id()).withType(producer)
                    .withStates(ExecutionState.COMPLETE, ExecutionState.CACHED).withLimit(20))) {
                Artifact a = e.outputs().get(slot.name());
                if (a != null && owner.lineage.isIntact(a)) {
                    return Produced.lazy(slot, a, owner.lineage);
                }
            }
        }
        throw new InvalidInputException("this slice of pipeline '" + owner.pipeline.name() + "' needs '" + slot.name()
                + "' from step '" + producer + "', which is outside the slice and has no intact recorded output; run"
                + " the full pipeline (or a slice containing '" + producer + "') first, or pass it with .input("
                + slot.name() + ", value)");
    }
}
