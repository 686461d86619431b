package dev.mlops4j.pipeline.components;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.pipeline.Serializer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A registered model version as a data set. Recorded in lineage with the uri {@code models:/<name>/<version>}, so
 * {@link dev.mlops4j.lineage.Lineage#upstreamOfModel} finds the data and steps behind it.
 *
 * @param name registered model name
 * @param version version number
 */
public record RegisteredVersion(String name, int version) {
    private static final String SCHEME = "models:/";

    /** Checks the components. */
    public RegisteredVersion {
        Objects.requireNonNull(name, "name");
        if (version < 1) {
            throw new InvalidInputException("model versions start at 1, not " + version);
        }
    }

    /** @return {@code models:/<name>/<version>} */
    public String uri() {
        return SCHEME + name + "/" + version;
    }

    /** @return the serializer recording versions by their {@code models:/} uri */
    public static Serializer<RegisteredVersion> serializer() {
        return new Serializer<>() {
            @Override
            public String id() {
                return "model-version-uri";
            }

            @Override
            public byte[] serialize(RegisteredVersion value) {
                return value.uri().getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public RegisteredVersion deserialize(byte[] bytes) {
                String uri = new String(bytes, StandardCharsets.UTF_8);
                int slash = uri.lastIndexOf('/');
                if (!uri.startsWith(SCHEME) || slash <= SCHEME.length()) {
                    throw new InvalidInputException("'" + uri + "' is not a models:/<name>/<version> uri");
                }
                return new RegisteredVersion(uri.substring(SCHEME.length(), slash),
                        Integer.parseInt(uri.substring(slash + 1)));
            }

            @Override
            public boolean storesByReference() {
                return true;
            }

            @Override
            public String referenceUri(RegisteredVersion value) {
                return value.uri();
            }
        };
    }
}
