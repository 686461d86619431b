package dev.mlops4j.pipeline;

import dev.mlops4j.Mlops;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The child JVM of {@link PipelineCrashTest}: runs a two-step pipeline on the H2 file store in the given home whose
 * second step prints its tracking run id and then waits until the JVM is killed.
 */
public final class PipelineCrashWriter {
    static final Slot<String> TEXT = Slot.of("text", String.class);
    static final Slot<String> UPPER = Slot.of("upper", String.class);
    static final Slot<String> NEVER = Slot.of("never", String.class);

    private PipelineCrashWriter() {
    }

    /** @param args the mlops home */
    public static void main(String[] args) throws Exception {
        Mlops mlops = Mlops.open(Path.of(args[0]));
        Pipeline.builder("crash").input(TEXT)
                .step(Step.named("upper").input(TEXT).output(UPPER).version("1")
                        .body(ctx -> ctx.output(UPPER, ctx.input(TEXT).toUpperCase())))
                .step(Step.named("hang").input(UPPER).output(NEVER).version("1").body(ctx -> {
                    System.out.println("RUNNING " + ctx.run().id());
                    System.out.flush();
                    new CountDownLatch(1).await(); // until the parent kills this JVM
                }))
                .build().on(mlops).input(TEXT, "wine").run();
    }
}
