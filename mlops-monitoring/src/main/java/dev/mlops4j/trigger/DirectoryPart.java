package dev.mlops4j.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlops4j.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A watched directory, scanned at each poll. The cursor is the newest modification time consumed and the names
 * consumed at exactly that time: a file is new when it is newer than the cursor, or as new but not among those
 * names. Files modified again count again (new data under an old name).
 */
final class DirectoryPart extends Part {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPart.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAMES_IN_REASON = 10;

    private final NewFilesTrigger trigger;
    private final PathMatcher matcher;
    private Instant cursorTime = Instant.MIN;
    private final TreeSet<String> cursorNames = new TreeSet<>();
    private final TreeMap<String, Instant> pending = new TreeMap<>();
    private Instant eventAt;

    DirectoryPart(NewFilesTrigger trigger) {
        this.trigger = trigger;
        this.matcher = trigger.directory().getFileSystem().getPathMatcher("glob:" + trigger.glob());
    }

    @Override
    void observe(Instant now) {
        boolean found = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(trigger.directory())) {
            for (Path file : files) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException gone) {
                    continue;   // deleted between listing and reading: not an arrival
                }
                String name = file.getFileName().toString();
                if (!a.isRegularFile() || !matcher.matches(file.getFileName())) {
                    continue;
                }
                Instant modified = a.lastModifiedTime().toInstant();
                boolean isNew = modified.isAfter(cursorTime)
                        || modified.equals(cursorTime) && !cursorNames.contains(name);
                Instant known = pending.get(name);
                if (isNew && (known == null || modified.isAfter(known))) {
                    pending.put(name, modified);
                    found = true;
                }
            }
        } catch (NoSuchFileException absent) {
            return;     // not created yet: nothing arrived
        } catch (IOException e) {
            // A transient listing failure must not stop the engine; the next poll tries again.
            LOG.warn("Could not scan {} for new files: {}", trigger.directory(), e.toString());
            return;
        }
        if (found) {
            eventAt = now;
        }
    }

    @Override
    boolean happened() {
        return !pending.isEmpty();
    }

    @Override
    String reason() {
        String names = pending.keySet().stream().limit(NAMES_IN_REASON).collect(Collectors.joining(", "));
        int n = pending.size();
        return n + " new file" + (n == 1 ? "" : "s") + " in " + trigger.directory() + ": " + names
                + (n > NAMES_IN_REASON ? ", ..." : "");
    }

    @Override
    Instant eventAt() {
        return eventAt;
    }

    @Override
    void consume() {
        for (Map.Entry<String, Instant> e : pending.entrySet()) {
            if (e.getValue().isAfter(cursorTime)) {
                cursorTime = e.getValue();
                cursorNames.clear();
            }
            if (e.getValue().equals(cursorTime)) {
                cursorNames.add(e.getKey());
            }
        }
        pending.clear();
    }

    @Override
    boolean polled() {
        return true;
    }

    @Override
    String cursor() {
        ObjectNode node = JSON.createObjectNode();
        node.put("modified", cursorTime.toString());
        cursorNames.forEach(node.putArray("names")::add);
        return node.toString();
    }

    @Override
    void restore(String cursor) {
        try {
            JsonNode node = JSON.readTree(cursor);
            cursorTime = Instant.parse(node.get("modified").asText());
            cursorNames.clear();
            node.path("names").forEach(n -> cursorNames.add(n.asText()));
        } catch (IOException | RuntimeException e) {
            throw new StoreException("the stored cursor of the watched directory " + trigger.directory()
                    + " is damaged: " + cursor, e);
        }
    }
}
