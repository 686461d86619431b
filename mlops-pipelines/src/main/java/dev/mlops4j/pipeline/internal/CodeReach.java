package dev.mlops4j.pipeline.internal;

import dev.mlops4j.pipeline.PipelineDefinitionException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code reachable from some classes, as seen by one class loader, and its SHA-256. Starting from the given
 * classes it follows the classes each class file names ({@link ClassFiles}), transitively, and sorts what it meets
 * into three kinds:
 * <ul>
 *   <li>Application classes (class files in a directory, or anywhere but a jar and the JDK): their bytes count, and
 *       their references are followed.</li>
 *   <li>Classes in a jar (libraries, and mlops4j itself when used as a dependency): the jar counts, by the SHA-256 of
 *       its content, and the walk stops there. A new version of a library therefore changes every step that reaches
 *       it, without reading its classes one by one. (An application packaged as one jar changes as a whole.)</li>
 *   <li>The JDK ({@code java/} classes and anything the loader finds in the runtime image): not counted.</li>
 * </ul>
 * A referenced class the loader cannot find counts by its name as absent, so it appearing later changes the result.
 * Results per class are kept for the loader's lifetime (a loader's classes never change once loaded), and jar hashes
 * per file while its size and modification time stay the same, so a second fingerprint in the same JVM reads nothing.
 */
final class CodeReach {
    private static final Map<ClassLoader, CodeReach> BY_LOADER = new WeakHashMap<>();
    private static final Map<Path, JarHash> JARS = new ConcurrentHashMap<>();

    // Weak: this walker is the value of BY_LOADER, whose key must stay collectable.
    private final WeakReference<ClassLoader> loader;
    private final Map<String, Unit> units = new ConcurrentHashMap<>();

    private CodeReach(ClassLoader loader) {
        this.loader = new WeakReference<>(loader);
    }

    /** @param loader a class loader (null: the system loader) @return its walker, shared per loader */
    static CodeReach of(ClassLoader loader) {
        ClassLoader l = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        synchronized (BY_LOADER) {
            return BY_LOADER.computeIfAbsent(l, CodeReach::new);
        }
    }

    /** What one class resolves to: its key in the fingerprint (null for the JDK), its digest and references. */
    private record Unit(String key, String digest, Set<String> references) {
        static final Unit JDK = new Unit(null, "", Set.of());
    }

    private record JarHash(long size, long modified, String sha256) {
    }

    /**
     * @param classNames binary names ({@code a.b.C}) of the classes to start from
     * @return whether every one of them was found as a class file
     */
    boolean canRead(Collection<String> classNames) {
        return classNames.stream().map(CodeReach::internal).map(this::unit)
                .noneMatch(u -> u.key() != null && u.key().startsWith("absent:"));
    }

    /**
     * @param classNames binary names ({@code a.b.C}) of the classes to start from
     * @return the SHA-256 (hex) of everything reachable from them: each application class by name and bytes, each
     *     jar by content, each missing class by name, in sorted order
     */
    String fingerprint(Collection<String> classNames) {
        TreeMap<String, String> covered = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String name : classNames) {
            String n = internal(name);
            if (seen.add(n)) {
                queue.add(n);
            }
        }
        while (!queue.isEmpty()) {
            Unit unit = unit(queue.poll());
            if (unit.key() == null) {
                continue;
            }
            covered.put(unit.key(), unit.digest());
            for (String ref : unit.references()) {
                if (seen.add(ref)) {
                    queue.add(ref);
                }
            }
        }
        MessageDigest d = CacheKeys.sha256();
        covered.forEach((key, digest) -> d.update((key.length() + ":" + key + "=" + digest + ";")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }

    private Unit unit(String internalName) {
        return units.computeIfAbsent(internalName, this::resolve);
    }

    private Unit resolve(String name) {
        if (name.startsWith("java/")) {
            return Unit.JDK; // never anywhere but the runtime image; saves a lookup for the most common references
        }
        ClassLoader l = loader.get();
        URL url = l == null ? null : l.getResource(name + ".class");
        if (url == null) {
            return new Unit("absent:" + name, "", Set.of());
        }
        switch (url.getProtocol()) {
            case "jrt":
                return Unit.JDK;
            case "jar":
                Path jar = jarFile(url);
                if (jar != null) {
                    String sha = jarHash(jar);
                    // Keyed by content, not path: the same jar in another place (another user's ~/.m2) is the same.
                    return new Unit("jar:" + sha, "", Set.of());
                }
                break;
            default:
                break;
        }
        byte[] bytes = read(url);
        MessageDigest d = CacheKeys.sha256();
        return new Unit("class:" + name, HexFormat.of().formatHex(d.digest(bytes)),
                ClassFiles.referencedClasses(bytes));
    }

    /** @return the file of {@code jar:file:/x/y.jar!/a/B.class}, or null for nested or remote jars */
    private static Path jarFile(URL url) {
        String spec = url.getPath();
        int bang = spec.indexOf("!/");
        if (bang < 0 || !spec.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(new URI(spec.substring(0, bang)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String jarHash(Path jar) {
        try {
            long size = Files.size(jar);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            JarHash known = JARS.get(jar);
            if (known != null && known.size() == size && known.modified() == modified) {
                return known.sha256();
            }
            MessageDigest d = CacheKeys.sha256();
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    d.update(buffer, 0, n);
                }
            }
            String sha = HexFormat.of().formatHex(d.digest());
            JARS.put(jar, new JarHash(size, modified, sha));
            return sha;
        } catch (IOException e) {
            throw unreadable(jar.toString(), e);
        }
    }

    private static byte[] read(URL url) {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw unreadable(url.toString(), e);
        }
    }

    private static PipelineDefinitionException unreadable(String what, IOException e) {
        return new PipelineDefinitionException("cannot read " + what + " to fingerprint the code of a step (" + e
                + "); declare the step's code version with .version(\"...\") instead");
    }

}
