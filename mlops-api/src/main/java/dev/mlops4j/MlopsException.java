package dev.mlops4j;

/**
 * Root of every exception mlops4j throws on purpose.
 *
 * <p>The hierarchy is small and grouped by what the caller can do about it:
 * {@link InvalidInputException} (fix the call), {@link NotFoundException} (the thing does not exist),
 * {@link ConflictException} (the call contradicts what is stored), {@link IllegalRunStateException}
 * (the run is no longer writable), {@link ArtifactIntegrityException} (stored bytes are damaged) and
 * {@link StoreException} (the store itself failed or is misconfigured). Every message says what was
 * wrong and how to fix it. A call that throws one of these has changed nothing.
 *
 * <p>Feature packages add their own branches: {@link dev.mlops4j.gate.GateFailedException} (a quality gate
 * failed, thrown only on request), {@link dev.mlops4j.model.ModelLoadException} (a model could not be loaded,
 * or was refused by its class allow-list), {@link dev.mlops4j.registry.PromotionRejectedException} (a promotion was
 * rejected, thrown only on request) and {@link dev.mlops4j.serving.InputRejectedException} (an
 * {@link InvalidInputException}: a served model refused an input with unknown, missing or invalid features).
 */
public abstract class MlopsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MlopsException(String message) {
        super(message);
    }

    protected MlopsException(String message, Throwable cause) {
        super(message, cause);
    }
}
