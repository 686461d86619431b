package dev.mlops4j.registry;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.tracking.Limits;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A reference to a model, in the URI forms MLflow users know:
 * <ul>
 *   <li>{@code models:/wine/3}: version 3 of the registered model {@code wine} ({@link Kind#VERSION});</li>
 *   <li>{@code models:/wine@production}: whichever version holds the alias {@code production} when it is resolved
 *       ({@link Kind#ALIAS});</li>
 *   <li>{@code models:/wine/latest}: the newest active version ({@link Kind#LATEST});</li>
 *   <li>{@code runs:/3f2a.../model}: the model logged in a run's artifact directory ({@link Kind#RUN}).</li>
 * </ul>
 * {@link #parse(String)} and {@link #toString()} round-trip.
 *
 * @param kind which form
 * @param modelName the registered model, {@code null} for {@link Kind#RUN}
 * @param version the version for {@link Kind#VERSION}, else 0
 * @param alias the alias for {@link Kind#ALIAS}, else {@code null}
 * @param runId the run for {@link Kind#RUN}, else {@code null}
 * @param artifactPath the model's artifact directory for {@link Kind#RUN}, else {@code null}
 */
public record ModelUri(Kind kind, String modelName, int version, String alias, String runId, String artifactPath) {
    /** Scheme of registered model URIs. */
    public static final String MODELS_SCHEME = "models:/";
    /** Scheme of run artifact URIs. */
    public static final String RUNS_SCHEME = "runs:/";

    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

    /** The forms of a model URI. */
    public enum Kind {
        /** A fixed version: {@code models:/name/3}. */
        VERSION,
        /** The version holding an alias: {@code models:/name@alias}. */
        ALIAS,
        /** The newest active version: {@code models:/name/latest}. */
        LATEST,
        /** A model logged in a run: {@code runs:/<run id>/<path>}. */
        RUN
    }

    public ModelUri {
        Objects.requireNonNull(kind, "kind");
        switch (kind) {
            case VERSION -> {
                RegistryNames.checkModelName(modelName);
                RegistryNames.checkVersion(version);
                requireAbsent(alias, runId, artifactPath);
            }
            case ALIAS -> {
                RegistryNames.checkModelName(modelName);
                RegistryNames.checkAlias(alias);
                requireZero(version);
                requireAbsent(runId, artifactPath);
            }
            case LATEST -> {
                RegistryNames.checkModelName(modelName);
                requireZero(version);
                requireAbsent(alias, runId, artifactPath);
            }
            case RUN -> {
                if (runId == null || !RUN_ID.matcher(runId).matches()) {
                    throw new InvalidInputException("run id '" + runId + "' in a runs:/ URI must be 1 to 64 letters,"
                            + " digits, '_' or '-'");
                }
                artifactPath = Limits.checkArtifactPath(artifactPath);
                requireZero(version);
                requireAbsent(modelName, alias);
            }
        }
    }

    /**
     * @param modelName a registered model
     * @param version a version number
     * @return {@code models:/modelName/version}
     */
    public static ModelUri version(String modelName, int version) {
        return new ModelUri(Kind.VERSION, modelName, version, null, null, null);
    }

    /**
     * @param modelName a registered model
     * @param alias an alias
     * @return {@code models:/modelName@alias}
     */
    public static ModelUri alias(String modelName, String alias) {
        return new ModelUri(Kind.ALIAS, modelName, 0, alias, null, null);
    }

    /**
     * @param modelName a registered model
     * @return {@code models:/modelName/latest}
     */
    public static ModelUri latest(String modelName) {
        return new ModelUri(Kind.LATEST, modelName, 0, null, null, null);
    }

    /**
     * @param runId a run id
     * @param artifactPath the model's artifact directory in the run, e.g. {@code model}
     * @return {@code runs:/runId/artifactPath}
     */
    public static ModelUri run(String runId, String artifactPath) {
        return new ModelUri(Kind.RUN, null, 0, null, runId, artifactPath);
    }

    /**
     * Parses a model URI.
     *
     * @param uri e.g. {@code models:/wine/3}, {@code models:/wine@production}, {@code models:/wine/latest} or
     *            {@code runs:/3f2a.../model}
     * @return the parsed URI
     * @throws InvalidInputException if it is none of these forms; the message shows them
     */
    public static ModelUri parse(String uri) {
        if (uri == null) {
            throw new InvalidInputException("model URI must not be null");
        }
        try {
            if (uri.startsWith(MODELS_SCHEME)) {
                String rest = uri.substring(MODELS_SCHEME.length());
                int at = rest.indexOf('@');
                if (at >= 0) {
                    return alias(rest.substring(0, at), rest.substring(at + 1));
                }
                int slash = rest.lastIndexOf('/');
                if (slash > 0) {
                    String name = rest.substring(0, slash);
                    String ref = rest.substring(slash + 1);
                    if (ref.equals(RegistryNames.LATEST)) {
                        return latest(name);
                    }
                    if (!ref.isEmpty() && ref.length() <= 9 && ref.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        return version(name, Integer.parseInt(ref));
                    }
                }
            } else if (uri.startsWith(RUNS_SCHEME)) {
                String rest = uri.substring(RUNS_SCHEME.length());
                int slash = rest.indexOf('/');
                if (slash > 0) {
                    return run(rest.substring(0, slash), rest.substring(slash + 1));
                }
            }
        } catch (InvalidInputException e) {
            throw new InvalidInputException("model URI '" + uri + "' is not valid: " + e.getMessage(), e);
        }
        throw new InvalidInputException("model URI '" + uri + "' is not valid; use models:/<name>/<version>,"
                + " models:/<name>@<alias>, models:/<name>/latest or runs:/<run id>/<artifact path>");
    }

    /** @return the model name, empty for a {@code runs:/} URI */
    public Optional<String> modelNameOpt() {
        return Optional.ofNullable(modelName);
    }

    /** @return true for {@code models:/} URIs */
    public boolean isRegistered() {
        return kind != Kind.RUN;
    }

    /** @return the URI text, parseable by {@link #parse(String)} */
    @Override
    public String toString() {
        return switch (kind) {
            case VERSION -> MODELS_SCHEME + modelName + "/" + version;
            case ALIAS -> MODELS_SCHEME + modelName + "@" + alias;
            case LATEST -> MODELS_SCHEME + modelName + "/" + RegistryNames.LATEST;
            case RUN -> RUNS_SCHEME + runId + "/" + artifactPath;
        };
    }

    private static void requireAbsent(String... values) {
        for (String v : values) {
            if (v != null) {
                throw new InvalidInputException("a model URI of this kind has no '" + v + "' component");
            }
        }
    }

    private static void requireZero(int version) {
        if (version != 0) {
            throw new InvalidInputException("a model URI of this kind has no version number; got " + version);
        }
    }
}
