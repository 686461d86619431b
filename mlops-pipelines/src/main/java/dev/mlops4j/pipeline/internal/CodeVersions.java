package dev.mlops4j.pipeline.internal;

import dev.mlops4j.pipeline.PipelineDefinitionException;
import dev.mlops4j.pipeline.Step;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The code version of a step: its declared version, or a fingerprint of the code its body can reach.
 *
 * <p>The fingerprint starts from the body's class nest (a lambda is a hidden class whose code lives in the class that
 * wrote it, its nest host; an anonymous or nested class shares its outer class's nest) and from the classes of the
 * objects the body holds in its fields (what a lambda captured, such as a trainer factory), followed through the
 * fields of application objects a few levels deep (a library's objects count by their jar; the JDK's not at all). From those classes {@link CodeReach} follows every class the bytecode references,
 * transitively: application classes count by their bytes, libraries by the content of their jar, the JDK not at
 * all. So a change in a helper class, in a library's version, or in the body itself invalidates the cache.
 *
 * <p>Not covered, so declare a code version ({@code Step.named(..).version("...")}) when a step depends on them:
 * classes reached only by reflection, service loading or a name in a string; resources and configuration files the
 * code reads; objects the body reaches through JDK containers (a captured {@code List} of strategies) or static
 * fields set at run time; the JDK itself; native code. Parameters and inputs are covered by the cache key already.
 */
final class CodeVersions {
    /** How deep captured objects are followed: the body's fields, their fields, and theirs. */
    private static final int CAPTURE_DEPTH = 3;

    private static final ClassValue<String> FINGERPRINTS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return reach(type);
        }
    };

    /** The instance fields that can hold objects, accessible, of a class and its non-JDK super classes. */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null && !isJdk(c); c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    // A field of a module not open to us cannot be read; what it holds is not covered.
                    if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && f.trySetAccessible()) {
                        fields.add(f);
                    }
                }
            }
            return List.copyOf(fields);
        }
    };

    /** Whether a class was loaded from a jar (a lambda: where its host was loaded from). */
    private static final ClassValue<Boolean> IN_JAR = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation() != null
                    && source.getLocation().getPath().toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
        }
    };

    private CodeVersions() {
    }

    static String of(Step step) {
        return step.version().map(v -> "declared:" + v).orElseGet(() -> "classes:" + fingerprint(step.body()));
    }

    /** @param body a step body @return the SHA-256 of its name, its code's reach and that of what it captured */
    static String fingerprint(Object body) {
        Map<String, String> captured = new TreeMap<>();
        captures(body, 1, captured, Collections.newSetFromMap(new IdentityHashMap<>()));
        MessageDigest d = CacheKeys.sha256();
        // The body's own class counts by name too, so two step classes of one nest differ.
        d.update(("body=" + stableName(body.getClass()) + ":" + FINGERPRINTS.get(body.getClass()) + ";")
                .getBytes(StandardCharsets.UTF_8));
        captured.forEach((name, fp) -> d.update(("captured=" + name + ":" + fp + ";").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }

    /** A lambda's hidden class name changes from JVM to JVM, so it counts as its host, where its code is. */
    private static String stableName(Class<?> type) {
        return type.isHidden() ? type.getNestHost().getName() : type.getName();
    }

    private static String reach(Class<?> type) {
        Class<?> host = type.getNestHost();
        List<String> roots = new ArrayList<>();
        for (Class<?> c : host.getNestMembers()) {
            if (!c.isHidden()) { // generated at run time; their code is in the host's class file
                roots.add(c.getName());
            }
        }
        CodeReach walker = CodeReach.of(type.getClassLoader());
        if (!walker.canRead(roots)) {
            throw new PipelineDefinitionException("cannot read the class files of " + host.getName() + "'s nest to"
                    + " fingerprint the code of a step; declare the step's code version with .version(\"...\")");
        }
        return walker.fingerprint(roots);
    }

    private static void captures(Object holder, int depth, Map<String, String> into, Set<Object> seen) {
        if (depth > CAPTURE_DEPTH || !seen.add(holder)) {
            return;
        }
        for (Field f : FIELDS.get(holder.getClass())) {
            Object value;
            try {
                value = f.get(holder);
            } catch (IllegalAccessException e) {
                continue;
            }
            if (value == null || isJdk(value.getClass())) {
                continue;
            }
            into.putIfAbsent(stableName(value.getClass()), FINGERPRINTS.get(value.getClass()));
            if (!IN_JAR.get(value.getClass())) {
                // A library object counts by its jar; an application object (or lambda) may hold more code.
                captures(value, depth + 1, into, seen);
            }
        }
    }

    /** JDK classes (and arrays, enums of the JDK, boxed values) are neither fingerprinted nor looked into. */
    private static boolean isJdk(Class<?> type) {
        if (type.isArray()) {
            return true;
        }
        ClassLoader l = type.getClassLoader();
        return l == null || l == ClassLoader.getPlatformClassLoader();
    }
}
