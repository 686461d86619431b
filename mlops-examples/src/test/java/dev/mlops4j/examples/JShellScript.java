package dev.mlops4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a JShell script non-interactively through the {@code jdk.jshell} API, the way the {@code jshell} tool would,
 * and fails on the first snippet that is rejected, has a diagnostic, or throws. Snippets are split exactly as the
 * tool splits them ({@link SourceCodeAnalysis#analyzeCompletion(String)}). The API runs no startup script, so the
 * script must import what it uses.
 */
final class JShellScript {
    private JShellScript() {
    }

    /**
     * @param script the {@code .jsh} file
     * @param classPath the class path the snippets compile and run against
     * @return everything the snippets printed
     * @throws AssertionError naming the snippet that failed and why
     */
    static String run(Path script, String classPath) throws IOException {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        List<String> done = new ArrayList<>();
        try (JShell shell = JShell.builder().out(out).err(out).build()) {
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
            String remaining = Files.readString(script, StandardCharsets.UTF_8);
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    break;
                }
                if (!info.completeness().isComplete()) {
                    throw new AssertionError(script + ": incomplete snippet (" + info.completeness() + ") after "
                            + done.size() + " snippets:\n" + remaining);
                }
                for (SnippetEvent event : shell.eval(info.source())) {
                    check(shell, event, info.source(), captured);
                }
                done.add(info.source());
                remaining = info.remaining();
            }
        }
        if (done.isEmpty()) {
            throw new AssertionError(script + " holds no snippet");
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void check(JShell shell, SnippetEvent event, String source, ByteArrayOutputStream output) {
        Snippet snippet = event.snippet();
        List<String> diagnostics = shell.diagnostics(snippet)
                .map(d -> (d.isError() ? "error: " : "warning: ") + d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        if (event.causeSnippet() == null && event.status() != Snippet.Status.VALID || !diagnostics.isEmpty()) {
            throw new AssertionError("snippet " + event.status() + ":\n" + source + "\n" + String.join("\n", diagnostics)
                    + unresolved(shell, snippet) + "\noutput so far:\n" + output.toString(StandardCharsets.UTF_8));
        }
        if (event.exception() != null) {
            Exception e = event.exception();
            String name = e instanceof EvalException ee ? ee.getExceptionClassName() : e.getClass().getName();
            AssertionError failure = new AssertionError("snippet threw " + name + ": " + e.getMessage() + "\n" + source
                    + "\noutput so far:\n" + output.toString(StandardCharsets.UTF_8));
            failure.initCause(e);
            throw failure;
        }
    }

    private static String unresolved(JShell shell, Snippet snippet) {
        if (snippet instanceof jdk.jshell.DeclarationSnippet declaration) {
            List<String> names = shell.unresolvedDependencies(declaration).collect(Collectors.toList());
            return names.isEmpty() ? "" : "\nunresolved: " + names;
        }
        return "";
    }
}
