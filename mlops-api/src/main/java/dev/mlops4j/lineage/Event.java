package dev.mlops4j.lineage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * That an execution read ({@link EventType#INPUT}) or produced ({@link EventType#OUTPUT}) an artifact, under the
 * name the component gave it.
 *
 * @param executionId the execution
 * @param artifactId the artifact
 * @param type input or output
 * @param name the component's name for it, e.g. the input or output name of a step
 * @param time when it happened
 */
public record Event(String executionId, String artifactId, EventType type, String name, Instant time) {

    /** Checks every component. */
    public Event {
        Ids.id("event execution id", executionId);
        Ids.id("event artifact id", artifactId);
        Objects.requireNonNull(type, "type");
        Ids.text("event name", name, false);
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
    }
}
