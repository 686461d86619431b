package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mlops4j.Mlops;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a pipeline result: a summary line and a table of the steps, not a one-line list. */
class PipelineResultTextTest {
    static final Slot<String> TEXT = Slot.of("text", String.class);
    static final Slot<String> UPPER = Slot.of("upper", String.class);
    static final Slot<Integer> LENGTH = Slot.of("length", Integer.class);

    private final Mlops mlops = Mlops.inMemory();

    @AfterEach
    void close() {
        mlops.close();
    }

    private static Pipeline pipeline(boolean failLength) {
        return Pipeline.builder("words").input(TEXT)
                .step(Step.named("upper").input(TEXT).output(UPPER)
                        .body(ctx -> ctx.output(UPPER, ctx.input(TEXT).toUpperCase())))
                .step(Step.named("length").input(UPPER).output(LENGTH).param("fail", failLength).body(ctx -> {
                    if (ctx.param("fail", Boolean.class)) {
                        throw new IllegalStateException("no length today\nsecond line");
                    }
                    ctx.output(LENGTH, ctx.input(UPPER).length());
                }))
                .build();
    }

    @Test
    void toString_afterACachedRerun_isSummaryAndAlignedStepTable() {
        pipeline(false).on(mlops).input(TEXT, "wine").run();
        PipelineResult again = pipeline(false).on(mlops).input(TEXT, "wine").run();

        String text = again.toString();
        assertThat(text.lines().toList()).hasSize(5);
        assertThat(text).startsWith("Pipeline 'words' SUCCEEDED in ").contains(" (run " + again.pipelineRunId()
                + "), 2 steps: 2 CACHED\n");
        assertThat(text.lines().skip(1)).satisfiesExactly(
                header -> assertThat(header).matches("  step    state   attempts  time +run"),
                rule -> assertThat(rule).matches("  ------  ------  --------  -+  -+"),
                upper -> assertThat(upper).matches("  upper   CACHED  0         \\d+ ms +"
                        + again.step("upper").stepRunId()),
                length -> assertThat(length).matches("  length  CACHED  0         \\d+ ms +"
                        + again.step("length").stepRunId()));
    }

    @Test
    void toString_failedStep_showsItsStateAndTheFirstLineOfTheError() {
        StepFailedException e = catchThrowableOfType(() -> pipeline(true).on(mlops).input(TEXT, "wine").run(),
                StepFailedException.class);

        String text = e.result().toString();
        assertThat(text).startsWith("Pipeline 'words' FAILED in ").contains("1 COMPLETE, 1 FAILED")
                .contains("IllegalStateException: no length today").doesNotContain("second line");
        assertThat(text.lines().filter(l -> l.startsWith("  length  FAILED"))).hasSize(1);
    }
}
