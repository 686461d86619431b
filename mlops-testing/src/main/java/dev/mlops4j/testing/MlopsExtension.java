package dev.mlops4j.testing;

import dev.mlops4j.Mlops;
import dev.mlops4j.MlopsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A JUnit Jupiter extension that gives each test a fresh, empty {@link Mlops} instance and closes it after the test.
 *
 * <p>Declare it and ask for an {@code Mlops} parameter:
 * <pre>{@code
 * @ExtendWith(MlopsExtension.class)
 * class TrainerTest {
 *     @Test
 *     void train_logsAccuracy(Mlops mlops) { ... }          // in memory by default
 *
 *     @Test
 *     @MlopsStore(StoreKind.TEMPORARY_H2)                   // embedded H2 in a temporary directory
 *     void train_isDurable(Mlops mlops) { ... }
 * }
 * }</pre>
 * or register a configured instance:
 * <pre>{@code
 * @RegisterExtension
 * static MlopsExtension mlops = MlopsExtension.builder()
 *         .user("ci").clock(Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC))
 *         .build();
 * }</pre>
 * Use one or the other in a class, not both: two extensions resolving {@code Mlops} parameters compete.
 *
 * <p>Scope: parameters of a test method and of its {@code @BeforeEach} and {@code @AfterEach} methods share one
 * instance, new for every test (every invocation of a parameterized or repeated test). It is closed after the
 * {@code @AfterEach} methods have run, and for {@link StoreKind#TEMPORARY_H2} its directory is then deleted.
 * Parameters of {@code @BeforeAll} and {@code @AfterAll} methods, and of test class constructors, resolve in the
 * class's scope: they share one instance for the whole class, closed after the class.
 *
 * <p>The store is chosen by the nearest {@link MlopsStore} annotation (test method, then test class, then
 * enclosing classes), else by {@link Builder#store(StoreKind)} (default {@link StoreKind#IN_MEMORY}).
 *
 * <p>Thread-safe: tests may run in parallel; each gets its own instance.
 */
public final class MlopsExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MlopsExtension.class);

    private final StoreKind defaultStore;
    private final String user;
    private final Clock clock;
    private final Consumer<MlopsBuilder> customizer;

    /** Creates the extension with its defaults: in-memory store, the user and clock that {@link Mlops} defaults to. */
    public MlopsExtension() {
        this(new Builder());
    }

    private MlopsExtension(Builder builder) {
        this.defaultStore = builder.store;
        this.user = builder.user;
        this.clock = builder.clock;
        this.customizer = builder.customizer;
    }

    /** @return a builder to configure an extension for {@code @RegisterExtension} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param parameterContext the parameter
     * @param extensionContext where it is being resolved
     * @return true for parameters of type {@link Mlops}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == Mlops.class;
    }

    /**
     * @param parameterContext the parameter
     * @param extensionContext where it is being resolved
     * @return the instance of this scope, opened on first use
     */
    @Override
    public Mlops resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // Keyed by the context's own id: a plain key would be found in the class's store too (stores inherit their
        // parent's values), and a test would then get the instance of an earlier @BeforeAll instead of a fresh one.
        String key = "mlops:" + extensionContext.getUniqueId();
        ExtensionContext.Store store = extensionContext.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(key, k -> open(storeKind(extensionContext), extensionContext),
                OpenMlops.class).mlops;
    }

    /** @return the store kind for this context: nearest {@link MlopsStore}, else the extension's default */
    private StoreKind storeKind(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<MlopsStore> annotation = AnnotationSupport.findAnnotation(c.getElement(), MlopsStore.class);
            if (annotation.isPresent()) {
                return annotation.get().value();
            }
        }
        return defaultStore;
    }

    private OpenMlops open(StoreKind kind, ExtensionContext context) {
        MlopsBuilder builder = Mlops.builder();
        if (user != null) {
            builder.user(user);
        }
        if (clock != null) {
            builder.clock(clock);
        }
        Path home = null;
        try {
            if (kind == StoreKind.TEMPORARY_H2) {
                home = Files.createTempDirectory("mlops-test-");
                builder.home(home);
            } else {
                builder.inMemory();
            }
            customizer.accept(builder);
            return new OpenMlops(builder.build(), home);
        } catch (IOException e) {
            throw new ParameterResolutionException("cannot create a temporary directory for the " + kind + " store of "
                    + context.getDisplayName() + ": " + e, e);
        } catch (RuntimeException | Error e) {
            if (home != null) {
                try {
                    deleteRecursively(home);
                } catch (UncheckedIOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    /** Recursively deletes a directory tree; an absent tree is fine. */
    static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // Already gone: nothing to clean up.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the temporary mlops directory " + root + ": " + e
                    + "; delete it by hand", e);
        }
    }

    /** An open instance and its temporary directory, closed by JUnit when its scope ends. */
    private static final class OpenMlops implements ExtensionContext.Store.CloseableResource {
        private final Mlops mlops;
        private final Path temporaryHome;

        OpenMlops(Mlops mlops, Path temporaryHome) {
            this.mlops = mlops;
            this.temporaryHome = temporaryHome;
        }

        @Override
        public void close() {
            try {
                mlops.close();
            } finally {
                if (temporaryHome != null) {
                    deleteRecursively(temporaryHome);
                }
            }
        }
    }

    /** Configures a {@link MlopsExtension}. Not thread-safe; the extension it builds is immutable. */
    public static final class Builder {
        private StoreKind store = StoreKind.IN_MEMORY;
        private String user;
        private Clock clock;
        private Consumer<MlopsBuilder> customizer = b -> {
        };

        private Builder() {
        }

        /**
         * @param kind the store for tests without a {@link MlopsStore} annotation (default {@link StoreKind#IN_MEMORY})
         * @return this builder
         */
        public Builder store(StoreKind kind) {
            this.store = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * @param user the user recorded on runs (default: the {@link Mlops} default, {@code user.name})
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * @param clock the clock for run times and metric timestamps, e.g. {@link Clock#fixed}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Applies further settings to every instance, after the store, user and clock have been set.
         *
         * @param customizer sets options on the {@link MlopsBuilder}, e.g. {@code b -> b.heartbeatInterval(...)}
         * @return this builder
         */
        public Builder configure(Consumer<MlopsBuilder> customizer) {
            this.customizer = Objects.requireNonNull(customizer, "customizer");
            return this;
        }

        /** @return the extension */
        public MlopsExtension build() {
            return new MlopsExtension(this);
        }
    }
}
