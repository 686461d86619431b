package dev.mlops4j.spi;

import dev.mlops4j.Mlops;

/**
 * The implementation behind {@link Mlops}: {@code mlops-core} provides it through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.mlops4j.spi.MlopsEngine}), so
 * applications compile against {@code mlops-api} alone.
 */
public interface MlopsEngine {

    /**
     * Opens an instance.
     *
     * @param config the checked configuration from {@link dev.mlops4j.MlopsBuilder}
     * @return an open instance
     */
    Mlops open(MlopsConfig config);
}
