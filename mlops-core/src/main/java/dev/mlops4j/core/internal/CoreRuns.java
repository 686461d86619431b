package dev.mlops4j.core.internal;

import dev.mlops4j.ArtifactIntegrityException;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.MetricHistoryQuery;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.RunQuery;
import dev.mlops4j.Runs;
import dev.mlops4j.StoreException;
import dev.mlops4j.internal.PrintedList;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.ExperimentInfo;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.RunComparison;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading runs. Records of ended runs come from a cache, since an ended run never changes. */
final class CoreRuns implements Runs {
    private final CoreMlops mlops;

    CoreRuns(CoreMlops mlops) {
        this.mlops = mlops;
    }

    @Override
    public Optional<RunRecord> find(String runId) {
        Objects.requireNonNull(runId, "runId");
        mlops.ensureOpen();
        RunRecord cached = mlops.endedRuns().getIfPresent(runId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RunRecord> found = mlops.store().findRun(runId);
        found.filter(r -> r.status().isTerminal()).ifPresent(r -> mlops.endedRuns().put(runId, r));
        return found;
    }

    @Override
    public RunRecord get(String runId) {
        return find(runId).orElseThrow(() -> noSuchRun(runId));
    }

    @Override
    public RunQuery search(String... experimentNames) {
        Objects.requireNonNull(experimentNames, "experimentNames");
        mlops.ensureOpen();
        if (experimentNames.length == 0) {
            throw new InvalidInputException("search needs at least one experiment name; use searchAll() to search"
                    + " every experiment");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String name : experimentNames) {
            ids.add(mlops.experimentId(name));
        }
        return CoreRunQuery.of(mlops, List.copyOf(ids));
    }

    @Override
    public RunQuery searchAll() {
        mlops.ensureOpen();
        // The experiments are fixed now, so that every page of this query searches the same set (and its page
        // tokens stay valid) even if experiments are created meanwhile.
        return CoreRunQuery.of(mlops, mlops.store().listExperiments().stream().map(ExperimentInfo::id).toList());
    }

    @Override
    public List<RunInfo> children(String runId) {
        Objects.requireNonNull(runId, "runId");
        requireRun(runId);
        return PrintedList.oneLineEach(mlops.store().childRuns(runId), "child run", "child runs");
    }

    @Override
    public RunComparison compare(List<String> runIds) {
        Objects.requireNonNull(runIds, "runIds");
        mlops.ensureOpen();
        if (runIds.isEmpty()) {
            throw new InvalidInputException("compare needs at least one run id: the baseline first, then the runs to"
                    + " compare with it");
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : runIds) {
            Objects.requireNonNull(id, "run id");
            if (!distinct.add(id)) {
                throw new InvalidInputException("run " + id + " appears twice in compare(...); compare distinct runs");
            }
        }
        List<RunRecord> records = new ArrayList<>(runIds.size());
        for (String id : runIds) {
            records.add(get(id));
        }
        return RunComparison.of(records);
    }

    @Override
    public MetricHistoryQuery metricHistory(String runId, String key) {
        Objects.requireNonNull(runId, "runId");
        Limits.checkKey("metric", key);
        requireRun(runId);
        return new CoreMetricHistory(mlops, runId, key);
    }

    @Override
    public List<ArtifactInfo> artifacts(String runId) {
        Objects.requireNonNull(runId, "runId");
        requireRun(runId);
        return mlops.store().listArtifacts(runId);
    }

    @Override
    public InputStream openArtifact(String runId, String artifactPath) {
        ArtifactInfo artifact = artifact(runId, artifactPath);
        return open(runId, artifact);
    }

    @Override
    public byte[] readArtifact(String runId, String artifactPath) {
        ArtifactInfo artifact = artifact(runId, artifactPath);
        try (InputStream in = open(runId, artifact)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreException("cannot read " + ArtifactStreams.describe(runId, artifact) + " from "
                    + mlops.artifacts().description() + ": " + e, e);
        }
    }

    @Override
    public List<Path> downloadArtifacts(String runId, String prefix, Path targetDirectory) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(targetDirectory, "targetDirectory");
        String base = prefix.isEmpty() ? "" : Limits.checkArtifactPath(prefix);
        requireRun(runId);
        List<ArtifactInfo> selected = mlops.store().listArtifacts(runId).stream()
                .filter(a -> base.isEmpty() || a.path().equals(base) || a.path().startsWith(base + "/"))
                .toList();
        try {
            Files.createDirectories(targetDirectory);
            Path root = targetDirectory.toRealPath();
            // Decide every destination before writing any file, so a bad name stops the download up front.
            List<Path> destinations = new ArrayList<>(selected.size());
            for (ArtifactInfo a : selected) {
                destinations.add(destination(root, runId, a));
            }
            List<Path> written = new ArrayList<>(selected.size());
            for (int i = 0; i < selected.size(); i++) {
                written.add(download(root, runId, selected.get(i), destinations.get(i)));
            }
            return List.copyOf(written);
        } catch (IOException e) {
            throw new StoreException("cannot download the artifacts of run " + runId + " into " + targetDirectory
                    + ": " + e + "; check that it is a writable directory", e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static Path destination(Path root, String runId, ArtifactInfo artifact) {
        // Names were checked when they were logged, but the store may have been written by other software:
        // check again, and resolve against the real target so nothing lands outside it.
        String normal;
        try {
            normal = Limits.checkArtifactPath(artifact.path());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("refusing to download artifact '" + artifact.path() + "' of run " + runId
                    + ": " + e.getMessage(), e);
        }
        Path dest = root.resolve(normal).normalize();
        if (!dest.startsWith(root) || dest.equals(root)) {
            throw new InvalidInputException("refusing to write artifact '" + artifact.path() + "' of run " + runId
                    + " outside the target directory " + root);
        }
        return dest;
    }

    private Path download(Path root, String runId, ArtifactInfo artifact, Path dest) throws IOException {
        Path parent = dest.getParent();
        Files.createDirectories(parent);
        // A symbolic link inside the target directory could redirect the write elsewhere.
        if (!parent.toRealPath().startsWith(root)) {
            throw new InvalidInputException("refusing to write artifact '" + artifact.path() + "' of run " + runId
                    + ": " + parent + " leads outside the target directory " + root + " through a symbolic link");
        }
        // Written next to its destination and renamed, so a damaged blob never leaves a partial file behind.
        Path temp = Files.createTempFile(parent, ".mlops-download-", ".tmp");
        try {
            try (InputStream in = open(runId, artifact)) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return dest;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private ArtifactInfo artifact(String runId, String artifactPath) {
        Objects.requireNonNull(runId, "runId");
        String path = Limits.checkArtifactPath(artifactPath);
        mlops.ensureOpen();
        return mlops.store().findArtifact(runId, path).orElseThrow(() -> {
            requireRun(runId);
            List<ArtifactInfo> all = mlops.store().listArtifacts(runId);
            String known = all.stream().limit(10).map(a -> "'" + a.path() + "'").collect(Collectors.joining(", "))
                    + (all.size() > 10 ? ", ..." : "");
            return new NotFoundException("run " + runId + " has no artifact '" + path + "'"
                    + (all.isEmpty() ? "; it has no artifacts" : "; its artifacts: " + known));
        });
    }

    private InputStream open(String runId, ArtifactInfo artifact) {
        mlops.ensureOpen();
        InputStream blob;
        try {
            blob = mlops.artifacts().open(artifact.sha256());
        } catch (NotFoundException e) {
            throw new ArtifactIntegrityException(ArtifactStreams.describe(runId, artifact) + " is recorded, but its"
                    + " content is missing from " + mlops.artifacts().description() + ". Restore the blob from a backup"
                    + " or log the artifact again", e);
        }
        return ArtifactStreams.checked(blob, runId, artifact);
    }

    private void requireRun(String runId) {
        mlops.ensureOpen();
        if (mlops.endedRuns().getIfPresent(runId) == null && mlops.store().findRunInfo(runId).isEmpty()) {
            throw noSuchRun(runId);
        }
    }

    private NotFoundException noSuchRun(String runId) {
        return new NotFoundException("run " + runId + " does not exist in " + mlops.store().description()
                + "; check the id (32 hex characters, see Run.id())");
    }
}
