package dev.mlops4j.core.internal;

import dev.mlops4j.Mlops;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds what to record as a run's source: the application's main class (from the {@code sun.java.command}
 * property), or, when the JVM was started by a test runner, build tool or IDE launcher, the first class on the
 * caller's stack that is not part of mlops4j, the JDK or such a launcher. Under JUnit that is the test class.
 */
final class SourceDetector {
    /** Packages of the JDK, test frameworks, build tools and launchers: never the source the user means. */
    private static final List<String> INFRASTRUCTURE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.junit.", "junit.", "org.opentest4j.", "net.jqwik.", "org.apache.maven.", "org.codehaus.plexus.",
            "org.codehaus.mojo.", "org.gradle.", "worker.org.gradle.", "com.intellij.", "org.eclipse.jdt.",
            "org.jetbrains.", "kotlin.", "groovy.", "org.testng.");
    /** Where mlops4j's own API and engine classes come from; their frames are skipped. */
    private static final List<URL> LIBRARY_LOCATIONS = java.util.stream.Stream.of(Mlops.class, SourceDetector.class)
            .map(SourceDetector::location).filter(Objects::nonNull).toList();
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String mainClass;

    SourceDetector() {
        this(System.getProperty("sun.java.command"));
    }

    SourceDetector(String javaCommand) {
        this.mainClass = mainClass(javaCommand).orElse(null);
    }

    /** @return the source to record for a run started by the current thread */
    String detect() {
        if (mainClass != null) {
            return mainClass;
        }
        return WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getDeclaringClass)
                .filter(c -> !isLibraryOrInfrastructure(c))
                .map(Class::getName)
                .findFirst())
                .orElse("unknown");
    }

    /**
     * @param javaCommand the {@code sun.java.command} property: main class or jar, then the arguments
     * @return the main class (or jar file name) unless it is a launcher
     */
    static Optional<String> mainClass(String javaCommand) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return Optional.empty();
        }
        String first = javaCommand.strip().split("\\s+", 2)[0];
        if (first.endsWith(".jar")) {
            String jar = first.substring(Math.max(first.lastIndexOf('/'), first.lastIndexOf('\\')) + 1);
            return jar.contains("surefire") || jar.contains("failsafe") || jar.contains("idea_rt")
                    ? Optional.empty() : Optional.of(jar);
        }
        return isInfrastructure(first) ? Optional.empty() : Optional.of(first);
    }

    private static boolean isInfrastructure(String className) {
        return INFRASTRUCTURE.stream().anyMatch(className::startsWith);
    }

    private static boolean isLibraryOrInfrastructure(Class<?> c) {
        if (isInfrastructure(c.getName())) {
            return true;
        }
        if (!c.getName().startsWith("dev.mlops4j.")) {
            return false;
        }
        // mlops4j's own frames come from the api and core jars; mlops4j classes elsewhere (examples, the tests of
        // this project) are callers like any other.
        URL where = location(c);
        return where == null || LIBRARY_LOCATIONS.contains(where);
    }

    private static URL location(Class<?> c) {
        try {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            return source == null ? null : source.getLocation();
        } catch (SecurityException e) {
            return null;
        }
    }
}
