package dev.mlops4j.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A self-contained HTML report: one file with its styles and SVG charts inline, no JavaScript and no network
 * fetches, so it opens the same from a disk, a CI artifact or a run's artifacts. The markup is also well-formed XML
 * (XHTML-compatible HTML5), and every piece of user input in it is escaped.
 *
 * <p>Reports are created by {@link Reports}; print one in JShell for a summary of what it holds.
 */
public interface Report {

    /** @return the report's title, the heading of the page */
    String title();

    /** @return the complete HTML document */
    String toHtml();

    /**
     * Writes the report to a file, replacing it if it exists. The file is written next to its destination first and
     * then moved into place, so a reader never sees half a report.
     *
     * @param file where to write, conventionally ending in {@code .html}; parent directories are created
     * @return the absolute path written, to print or open
     * @throws ReportException if the path is a directory or the file cannot be written
     */
    default Path writeTo(Path file) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new ReportException("cannot write report '" + title() + "' to " + target + ": it is a directory;"
                    + " give a file name such as " + target.resolve("report.html"));
        }
        byte[] html = toHtml().getBytes(StandardCharsets.UTF_8);
        try {
            Path dir = target.getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stay with the report after the move.
            Path temp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
            try {
                Files.write(temp, html, java.nio.file.StandardOpenOption.CREATE_NEW);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new ReportException("cannot write report '" + title() + "' to " + target + ": " + e
                    + "; check that the directory is writable and the path is not a directory", e);
        }
    }
}
