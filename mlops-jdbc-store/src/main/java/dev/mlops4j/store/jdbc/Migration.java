package dev.mlops4j.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema migration: a SQL resource named {@code V<version>__<description>.sql}.
 *
 * @param version the schema version it produces (1, 2, ...)
 * @param description what it does, from the file name
 * @param sql the script, line endings normalized to {@code \n}
 * @param checksum lowercase hex SHA-256 of {@code sql}
 */
record Migration(int version, String description, String sql, String checksum) {
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
    }

    /**
     * Loads a migration from the class path.
     *
     * @param location directory of the resources, ending with {@code /}
     * @param fileName e.g. {@code V1__tracking.sql}
     * @return the migration
     */
    static Migration load(String location, String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration file name " + fileName + " does not match V<n>__<name>.sql");
        }
        String resource = location + fileName;
        try (InputStream in = Migration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the class path");
            }
            // Normalized so that a checkout with CRLF line endings has the same checksum.
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return of(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource, e);
        }
    }

    /**
     * @param version schema version
     * @param description what it does
     * @param sql the script
     * @return the migration with its checksum
     */
    static Migration of(int version, String description, String sql) {
        return new Migration(version, description, sql, sha256(sql));
    }

    /** @return the script's statements, without comments, in order */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            // Our scripts end each statement with ';' at the end of a line and have no ';' inside literals.
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
