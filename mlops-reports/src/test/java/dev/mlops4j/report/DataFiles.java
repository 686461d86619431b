package dev.mlops4j.report;

import dev.mlops4j.validation.data.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The real data sets the tests read: the examples module's copies, or the shared ones above the repository. */
public final class DataFiles {
    private DataFiles() {
    }

    /** @param name e.g. {@code wine.csv} @return its path */
    public static Path path(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("mlops-examples/src/main/resources/data/" + name),
                    dir.resolve("shared/data/" + name))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
    }

    /** @param name a data set @return its lines, the header first */
    public static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source the table's description
     * @param rows which data lines of seattle-weather.csv to keep
     * @return those days as a CSV table (dates in the file's {@code yyyy/MM/dd})
     */
    public static CsvTable weather(String source, Predicate<String> rows) {
        List<String> lines = lines("seattle-weather.csv");
        String csv = lines.get(0) + "\n" + lines.subList(1, lines.size()).stream().filter(rows)
                .collect(Collectors.joining("\n")) + "\n";
        return CsvTable.builder(source, csv).dateFormats("yyyy/MM/dd").build();
    }
}
