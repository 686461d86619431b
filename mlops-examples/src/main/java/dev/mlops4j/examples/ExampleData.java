package dev.mlops4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The data sets shipped with the examples ({@code src/main/resources/data}, see its README for sources and licences)
 * as files, for the loaders that read a path: the resource itself when the examples run from a directory, a copy in
 * a temporary directory when they run from a jar.
 */
public final class ExampleData {
    private ExampleData() {
    }

    /**
     * @param name {@code wine.csv}, {@code iris.csv} or {@code seattle-weather.csv}
     * @return a readable file with its content
     */
    public static Path file(String name) {
        URL url = ExampleData.class.getResource("/data/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no data set '" + name + "' in mlops-examples/src/main/resources/data");
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempDirectory("mlops4j-data").resolve(name);
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data set " + name, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unexpected resource URL " + url, e);
        }
    }
}
