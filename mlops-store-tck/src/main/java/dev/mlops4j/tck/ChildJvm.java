package dev.mlops4j.tck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Starts a main class of the test class path in a separate JVM and reads what it prints: for the crash tests
 * (SIGKILL a writer, reopen, check every acknowledged write) and the multi-process tests a store implementation runs
 * beside the contract suite.
 */
public final class ChildJvm {
    private static final Map<Process, BufferedReader> READERS = new WeakHashMap<>();

    private ChildJvm() {
    }

    /**
     * @param main a class with a {@code main} method on this JVM's class path
     * @param args its arguments
     * @return the started child; read its output with {@link #readLine(Process)}, its errors go to this JVM's
     * @throws IOException if the JVM cannot be started
     */
    public static Process start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1"); // the child lives for seconds: start fast rather than peak fast
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        synchronized (READERS) {
            READERS.put(process, new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
        }
        return process;
    }

    /**
     * @param process a child started by {@link #start(Class, String...)}
     * @return the next line the child printed, or null when it has exited
     */
    public static String readLine(Process process) {
        BufferedReader reader;
        synchronized (READERS) {
            reader = READERS.get(process);
        }
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
