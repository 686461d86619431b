package dev.mlops4j.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the shared real data sets (/work/shared/data) by walking up from the module directory. */
public final class SharedData {
    private SharedData() {
    }

    /** @param file e.g. "wine.csv" @return its path */
    public static Path path(String file) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(file);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find shared/data/" + file + " above " + Path.of("").toAbsolutePath());
    }

    /** @param file a data set @return its lines, header first */
    public static List<String> lines(String file) {
        try {
            return new ArrayList<>(Files.readAllLines(path(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param file a data set @return its data rows split on commas (the shared files have no quoting) */
    public static List<String[]> rows(String file) {
        List<String> lines = lines(file);
        List<String[]> out = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isBlank()) {
                out.add(l.split(",", -1));
            }
        }
        return out;
    }

    /**
     * @param file a data set
     * @param column a column name
     * @return the column's values parsed as doubles, by straightforward code independent of the library
     */
    public static double[] numbers(String file, String column) {
        String[] header = lines(file).get(0).split(",");
        int c = List.of(header).indexOf(column);
        return rows(file).stream().mapToDouble(r -> Double.parseDouble(r[c])).toArray();
    }
}
