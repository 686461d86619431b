package dev.mlops4j.pipeline.internal;

import dev.mlops4j.pipeline.PipelineDefinitionException;
import dev.mlops4j.pipeline.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The code version of a step: its declared version, or the SHA-256 of the class files of its body's nest. A lambda
 * is a hidden class whose nest host is the class that wrote it, and whose code lives in that class file, so any change
 * there (or in its nested classes) changes the fingerprint. Code in other classes does not count; declare a version
 * when a step depends on it.
 */
final class CodeVersions {
    private static final ClassValue<String> FINGERPRINTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return fingerprint(type);
        }
    };

    private CodeVersions() {
    }

    static String of(Step step) {
        return step.version().map(v -> "declared:" + v)
                .orElseGet(() -> "classes:" + FINGERPRINTS.get(step.body().getClass()));
    }

    private static String fingerprint(Class<?> type) {
        Class<?> host = type.getNestHost();
        Class<?>[] members = host.getNestMembers();
        Arrays.sort(members, Comparator.comparing(Class::getName));
        MessageDigest d = CacheKeys.sha256();
        // The body's own class counts by name too, so two step classes of one nest differ; a lambda's hidden class
        // name changes from JVM to JVM, so it counts as its host.
        d.update(("body=" + (type.isHidden() ? host.getName() : type.getName()) + ";").getBytes(StandardCharsets.UTF_8));
        for (Class<?> c : members) {
            if (c.isHidden()) {
                continue; // generated at run time; their code is in the host's class file
            }
            byte[] bytes = classBytes(c);
            if (bytes == null) {
                throw new PipelineDefinitionException("cannot read the class file of " + c.getName() + " to"
                        + " fingerprint the code of a step; declare the step's code version with .version(\"...\")");
            }
            d.update(c.getName().getBytes(StandardCharsets.UTF_8));
            d.update(bytes);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static byte[] classBytes(Class<?> c) {
        String resource = c.getName().replace('.', '/') + ".class";
        ClassLoader loader = c.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : c.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
