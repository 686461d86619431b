package dev.mlops4j.trigger;

import dev.mlops4j.InvalidInputException;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Fires when new or modified files appear in a directory; see {@link Trigger#onNewFiles(Path)}.
 *
 * @param directory the watched directory
 * @param glob the file names that count, as a glob ({@code *.csv}), {@code *} for all
 */
public record NewFilesTrigger(Path directory, String glob) implements Trigger {
    public NewFilesTrigger {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(glob, "glob");
        try {
            FileSystems.getDefault().getPathMatcher("glob:" + glob);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file pattern '" + glob + "' is not a valid glob: " + e.getMessage(), e);
        }
    }

    /** @param fileGlob the file names that count, e.g. {@code *.csv} @return a copy with that pattern */
    public NewFilesTrigger matching(String fileGlob) {
        return new NewFilesTrigger(directory, fileGlob);
    }

    @Override
    public String describe() {
        return "new files " + glob + " in " + directory;
    }
}
