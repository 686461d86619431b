package dev.mlops4j.model;

import dev.mlops4j.NotFoundException;
import dev.mlops4j.Runs;
import dev.mlops4j.tracking.Limits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Read access to the files of one model directory, wherever it is stored: a run's artifacts, a local directory,
 * or memory. A {@link ModelFlavor} loads through it, so flavors need not know about stores.
 */
@FunctionalInterface
public interface ModelFiles {

    /**
     * @param fileName a file name relative to the model's directory
     * @return its content
     * @throws NotFoundException if there is no such file
     * @throws ModelLoadException if it cannot be read
     */
    byte[] read(String fileName);

    /**
     * @param runs where the run's artifacts are read (verified against their SHA-256)
     * @param runId the run
     * @param directory the model's artifact directory in the run, e.g. {@code model}
     * @return the files under that artifact directory
     */
    static ModelFiles ofRun(Runs runs, String runId, String directory) {
        Objects.requireNonNull(runs, "runs");
        Objects.requireNonNull(runId, "runId");
        String dir = Limits.checkArtifactPath(directory);
        return fileName -> runs.readArtifact(runId, dir + "/" + fileName);
    }

    /**
     * @param directory a local directory
     * @return the files in that directory
     */
    static ModelFiles ofDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return fileName -> {
            Path file = directory.resolve(Limits.checkArtifactPath(fileName)).normalize();
            if (!Files.isRegularFile(file)) {
                throw new NotFoundException("model file " + file + " does not exist");
            }
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ModelLoadException("cannot read model file " + file + ": " + e.getMessage(), e);
            }
        };
    }

    /**
     * @param files file name to content
     * @return the files held in memory
     */
    static ModelFiles of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return fileName -> {
            byte[] b = copy.get(fileName);
            if (b == null) {
                throw new NotFoundException("model file '" + fileName + "' is not among " + copy.keySet());
            }
            return b.clone();
        };
    }
}
