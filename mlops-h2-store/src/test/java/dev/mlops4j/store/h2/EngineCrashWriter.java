package dev.mlops4j.store.h2;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child JVM of {@link EngineCrashTest}: opens {@code Mlops.open(home)} (the engine with the default H2 store),
 * starts a run, and logs from several threads forever, printing {@code ACK <thread> <i>} after each call returns.
 */
public final class EngineCrashWriter {
    static final int THREADS = 3;

    private EngineCrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true);
        Mlops mlops = Mlops.open(Path.of(args[0]));
        Run run = mlops.experiment("crash").startRun("victim");
        run.logArtifact("notes.txt", "written before the crash".getBytes(StandardCharsets.UTF_8));
        out.println("RUN " + run.id() + " " + mlops.describeStore());
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            new Thread(() -> {
                for (int i = 0; ; i++) {
                    run.logMetric("m" + thread, i, i);
                    run.logParam("p" + thread + "_" + i, i);
                    synchronized (out) {
                        out.println("ACK " + thread + " " + i);
                    }
                }
            }).start();
        }
    }
}
