package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A step's cache follows the code its body reaches, not only the body's own class: helper classes are compiled here
 * in two versions and loaded by separate class loaders, as a rebuilt application would be.
 */
class CodeFingerprintTest {
    static final Slot<String> OUT = Slot.of("out", String.class);

    /** Bodies of each kind, all calling the helper, which lives outside their class nest. */
    static final String STEPS = """
            package fx;
            import dev.mlops4j.pipeline.Slot;
            import dev.mlops4j.pipeline.StepBody;
            import dev.mlops4j.pipeline.StepContext;
            public final class Steps {
                public static StepBody lambda(Slot<String> out) {
                    return ctx -> ctx.output(out, Helper.value());
                }
                public static StepBody anonymous(Slot<String> out) {
                    return new StepBody() {
                        @Override
                        public void execute(StepContext ctx) {
                            ctx.output(out, Helper.value());
                        }
                    };
                }
                public static StepBody named(Slot<String> out) {
                    return new Body(out);
                }
            }
            """;
    /** A body whose class never names the helper: it reaches it only through the supplier it captured. */
    static final String WRAP = """
            package fx;
            import dev.mlops4j.pipeline.Slot;
            import dev.mlops4j.pipeline.StepBody;
            import java.util.function.Supplier;
            public final class Wrap {
                public static StepBody around(Slot<String> out, Supplier<String> source) {
                    return ctx -> ctx.output(out, source.get());
                }
            }
            """;
    static final String SOURCES = """
            package fx;
            import java.util.function.Supplier;
            public final class Sources {
                public static Supplier<String> helper() {
                    return Helper::value;
                }
            }
            """;
    static final String BODY = """
            package fx;
            import dev.mlops4j.pipeline.Slot;
            import dev.mlops4j.pipeline.StepBody;
            import dev.mlops4j.pipeline.StepContext;
            public final class Body implements StepBody {
                private final Slot<String> out;
                Body(Slot<String> out) {
                    this.out = out;
                }
                @Override
                public void execute(StepContext ctx) {
                    ctx.output(out, Calculator.result());
                }
            }
            """;
    /** A second hop: Body calls Calculator, which calls Helper. */
    static final String CALCULATOR = """
            package fx;
            final class Calculator {
                static String result() {
                    return Helper.value();
                }
            }
            """;

    static String helper(String value) {
        return "package fx;\npublic final class Helper {\n    public static String value() {\n        return \"" + value
                + "\";\n    }\n}\n";
    }

    /** The application: every body kind and the helper, returning {@code value}. */
    static Map<String, String> app(String value) {
        return Map.of("Steps", STEPS, "Body", BODY, "Calculator", CALCULATOR, "Wrap", WRAP, "Sources", SOURCES,
                "Helper", helper(value));
    }

    @TempDir
    Path tmp;
    private final Mlops mlops = Mlops.inMemory();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        mlops.close();
        for (URLClassLoader l : loaders) {
            l.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"named", "lambda", "anonymous", "capturing"})
    void helperOutsideTheNest_changedBytecode_missesAndUnchangedHits(String kind) throws Exception {
        Path v1 = compile("v1", app("v1"));
        Path v1Again = compile("v1-again", app("v1"));
        Path v2 = compile("v2", app("v2"));
        // The bodies' own class files are the same in both versions: only the helper changed.
        assertThat(Files.readAllBytes(v1.resolve("fx/Body.class"))).isEqualTo(Files.readAllBytes(v2.resolve(
                "fx/Body.class")));
        assertThat(Files.readAllBytes(v1.resolve("fx/Wrap.class"))).isEqualTo(Files.readAllBytes(v2.resolve(
                "fx/Wrap.class")));

        PipelineResult first = run(kind, v1);
        PipelineResult rebuiltUnchanged = run(kind, v1);
        PipelineResult elsewhereUnchanged = run(kind, v1Again);
        PipelineResult changed = run(kind, v2);

        assertThat(first.executedSteps()).containsExactly("make");
        assertThat(first.output(OUT)).isEqualTo("v1");
        assertThat(rebuiltUnchanged.cachedSteps()).containsExactly("make");
        assertThat(elsewhereUnchanged.cachedSteps()).as("same bytes in another directory").containsExactly("make");
        assertThat(changed.executedSteps()).containsExactly("make");
        assertThat(changed.output(OUT)).isEqualTo("v2");
        assertThat(changed.step("make").cacheKey()).isNotEqualTo(first.step("make").cacheKey());
    }

    @Test
    void libraryJar_changedContent_misses() throws Exception {
        Path helperV1 = compile("helper-v1", Map.of("Helper", helper("v1")));
        Path helperV2 = compile("helper-v2", Map.of("Helper", helper("v2")));
        Path jarV1 = jar(helperV1, "helper-1.0.jar");
        Path jarV2 = jar(helperV2, "helper-1.1.jar");
        Path app = compile("app", Map.of("Steps", STEPS, "Body", BODY, "Calculator", CALCULATOR), jarV1);

        PipelineResult first = run("named", app, jarV1);
        PipelineResult again = run("named", app, jarV1);
        PipelineResult upgraded = run("named", app, jarV2);

        assertThat(first.output(OUT)).isEqualTo("v1");
        assertThat(again.cachedSteps()).containsExactly("make");
        assertThat(upgraded.executedSteps()).containsExactly("make");
        assertThat(upgraded.output(OUT)).isEqualTo("v2");
    }

    @Test
    void declaredVersion_winsOverTheFingerprint() throws Exception {
        Path v1 = compile("v1", app("v1"));
        Path v2 = compile("v2", app("v2"));

        run(Step.named("make").version("7"), "named", v1);
        PipelineResult r = run(Step.named("make").version("7"), "named", v2);

        // What the declared version promises is the user's responsibility: it stays a hit.
        assertThat(r.cachedSteps()).containsExactly("make");
        assertThat(r.output(OUT)).isEqualTo("v1");
    }

    private PipelineResult run(String kind, Path... classPath) throws Exception {
        return run(Step.named("make"), kind, classPath);
    }

    private PipelineResult run(StepBuilder step, String kind, Path... classPath) throws Exception {
        URL[] urls = new URL[classPath.length];
        for (int i = 0; i < classPath.length; i++) {
            urls[i] = classPath[i].toUri().toURL();
        }
        URLClassLoader loader = new URLClassLoader(urls, getClass().getClassLoader());
        loaders.add(loader);
        StepBody body;
        if (kind.equals("capturing")) {
            Object source = loader.loadClass("fx.Sources").getMethod("helper").invoke(null);
            body = (StepBody) loader.loadClass("fx.Wrap").getMethod("around", Slot.class, java.util.function.Supplier.class)
                    .invoke(null, OUT, source);
        } else {
            body = (StepBody) loader.loadClass("fx.Steps").getMethod(kind, Slot.class).invoke(null, OUT);
        }
        return Pipeline.builder("code").step(step.output(OUT).body(body)).build().on(mlops).run();
    }

    private Path compile(String name, Map<String, String> sources, Path... classPath) throws IOException {
        Path src = Files.createDirectories(tmp.resolve(name + "-src/fx"));
        Path out = Files.createDirectories(tmp.resolve(name));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", classPath(classPath)));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey() + ".java");
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit code").isZero();
        return out;
    }

    /** What the bodies compile against: the pipeline API (this module) and mlops-api, wherever the build put them. */
    private static String classPath(Path... extra) {
        List<String> entries = new ArrayList<>();
        for (Class<?> c : List.of(StepBody.class, Mlops.class)) {
            entries.add(Path.of(codeSource(c)).toString());
        }
        Stream.of(extra).map(Path::toString).forEach(entries::add);
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static java.net.URI codeSource(Class<?> c) {
        try {
            return c.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path jar(Path classes, String name) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(p));
                out.closeEntry();
            }
        }
        return jar;
    }
}
