package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.IllegalRunStateException;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.spi.RunArtifact;
import dev.mlops4j.tracking.ArtifactInfo;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The artifact names of runs (the blobs themselves are the ArtifactStore's, see {@link ArtifactStoreTck}). */
abstract class ArtifactsContract extends ContractBase {

    ArtifactsContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void putArtifact_thenFindAndList_roundTrip() {
        RunInfo run = aRun();
        ArtifactInfo model = artifact("model/weights.bin", "weights", 5);

        store().putArtifact(run.runId(), model);

        assertThat(store().findArtifact(run.runId(), "model/weights.bin")).contains(model);
        assertThat(store().listArtifacts(run.runId())).containsExactly(model);
    }

    @Test
    void listArtifacts_severalPaths_orderedByPathAsStrings() {
        RunInfo run = aRun();
        List<String> paths = List.of("model/weights.bin", "README", "model.json", "data/train.csv", "model/a b.txt",
                "Ünïcode/ä.txt");
        for (int i = 0; i < paths.size(); i++) {
            store().putArtifact(run.runId(), artifact(paths.get(i), "content " + i, i));
        }

        assertThat(store().listArtifacts(run.runId())).extracting(ArtifactInfo::path)
                .containsExactly("README", "data/train.csv", "model.json", "model/a b.txt", "model/weights.bin",
                        "Ünïcode/ä.txt");
    }

    @Test
    void putArtifact_samePathAgain_replacesTheMapping() {
        RunInfo run = aRun();
        store().putArtifact(run.runId(), artifact("model.bin", "v1", 1));
        ArtifactInfo second = artifact("model.bin", "version two", 2);

        store().putArtifact(run.runId(), second);

        assertThat(store().findArtifact(run.runId(), "model.bin")).contains(second);
        assertThat(store().listArtifacts(run.runId())).containsExactly(second);
    }

    @Test
    void putArtifact_sameBlobAtTwoPaths_recordsBoth() {
        RunInfo run = aRun();
        ArtifactInfo a = artifact("a/copy.txt", "same", 1);
        ArtifactInfo b = artifact("b/copy.txt", "same", 2);

        store().putArtifact(run.runId(), a);
        store().putArtifact(run.runId(), b);

        assertThat(store().listArtifacts(run.runId())).containsExactly(a, b);
    }

    @Test
    void putArtifact_sizeBeyondTwoGigabytes_roundTrips() {
        RunInfo run = aRun();
        ArtifactInfo big = new ArtifactInfo("big.bin", sha256("stand-in"), 5_000_000_000L, at(T0));

        store().putArtifact(run.runId(), big);

        assertThat(store().findArtifact(run.runId(), "big.bin")).contains(big);
    }

    @Test
    void artifacts_samePathInTwoRuns_areSeparate() {
        String exp = experiment("churn").id();
        RunInfo a = startRun(exp, "a");
        RunInfo b = startRun(exp, "b");
        ArtifactInfo inA = artifact("model.bin", "a", 1);
        ArtifactInfo inB = artifact("model.bin", "b", 2);

        store().putArtifact(a.runId(), inA);
        store().putArtifact(b.runId(), inB);

        assertThat(store().listArtifacts(a.runId())).containsExactly(inA);
        assertThat(store().findArtifact(b.runId(), "model.bin")).contains(inB);
    }

    @Test
    void findArtifactsByHash_blobNamedInSeveralRuns_findsEveryNameInRunThenPathOrder() {
        String exp = experiment("shared-blobs").id();
        RunInfo a = startRun(exp, "a");
        RunInfo b = startRun(exp, "b");
        RunInfo c = startRun(exp, "c");
        ArtifactInfo sharedInA = artifact("model.bin", "shared", 1);
        ArtifactInfo otherInA = artifact("notes.txt", "other", 2);
        ArtifactInfo sharedInB = artifact("copy/model.bin", "shared", 3);
        store().putArtifact(a.runId(), sharedInA);
        store().putArtifact(a.runId(), otherInA);
        store().putArtifact(b.runId(), sharedInB);
        store().putArtifact(c.runId(), artifact("unrelated.txt", "unrelated", 4));
        store().endRun(b.runId(), RunStatus.FINISHED, at(T0 + 5), Map.of()); // ended runs still name their blobs

        List<RunArtifact> shared = List.of(new RunArtifact(a.runId(), sharedInA), new RunArtifact(b.runId(), sharedInB))
                .stream().sorted(java.util.Comparator.comparing(RunArtifact::runId)).toList();
        assertThat(store().findArtifactsByHash(List.of(sha256("shared")))).containsExactlyElementsOf(shared);
        assertThat(store().findArtifactsByHash(List.of(sha256("shared"), sha256("other"))))
                .extracting(r -> r.artifact().path()).containsExactlyInAnyOrder("model.bin", "notes.txt",
                        "copy/model.bin");
        assertThat(store().findArtifactsByHash(List.of(sha256("never logged")))).isEmpty();
        assertThat(store().findArtifactsByHash(List.of())).isEmpty();
    }

    @Test
    void findArtifactsByHash_moreHashesThanOneQueryTakes_findsThemAll() {
        RunInfo run = aRun();
        ArtifactInfo first = artifact("first.txt", "first", 1);
        ArtifactInfo last = artifact("last.txt", "last", 2);
        store().putArtifact(run.runId(), first);
        store().putArtifact(run.runId(), last);
        List<String> hashes = new java.util.ArrayList<>(List.of(sha256("first")));
        for (int i = 0; i < 1_200; i++) {
            hashes.add(sha256("absent " + i));
        }
        hashes.add(sha256("last"));

        assertThat(store().findArtifactsByHash(hashes)).extracting(RunArtifact::artifact).containsExactly(first, last);
    }

    @Test
    void findArtifact_unrecordedPath_returnsEmpty() {
        RunInfo run = aRun();
        store().putArtifact(run.runId(), artifact("model/weights.bin", "w", 0));

        assertThat(store().findArtifact(run.runId(), "model")).isEmpty();
        assertThat(store().findArtifact(run.runId(), "MODEL/weights.bin")).isEmpty();
        assertThat(store().listArtifacts(startRun(run.experimentId(), "empty").runId())).isEmpty();
    }

    @Test
    void putArtifact_endedRun_throwsIllegalRunStateAndRecordsNothing() {
        RunInfo run = aRun();
        ArtifactInfo before = artifact("kept.txt", "kept", 0);
        store().putArtifact(run.runId(), before);
        store().endRun(run.runId(), RunStatus.FINISHED, at(T0 + 1), Map.of());

        assertThatThrownBy(() -> store().putArtifact(run.runId(), artifact("late.txt", "late", 2)))
                .isInstanceOf(IllegalRunStateException.class);
        assertThatThrownBy(() -> store().putArtifact(run.runId(), artifact("kept.txt", "replaced", 2)))
                .isInstanceOf(IllegalRunStateException.class);
        assertThat(store().listArtifacts(run.runId())).containsExactly(before);
    }

    @Test
    void putArtifact_unknownRun_throwsNotFound() {
        aRun();

        assertThatThrownBy(() -> store().putArtifact(newRunId(), artifact("a.txt", "a", 0)))
                .isInstanceOf(NotFoundException.class);
    }
}
