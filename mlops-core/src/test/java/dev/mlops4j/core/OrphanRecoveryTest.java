package dev.mlops4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.core.artifacts.InMemoryArtifactStore;
import dev.mlops4j.core.memory.InMemoryMetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanRecoveryTest {
    private final InMemoryMetadataStore store = new InMemoryMetadataStore();
    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T10:00:00Z"));

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Mlops open(boolean recoverOnOpen) {
        return Mlops.builder().metadataStore(store).artifactStore(new InMemoryArtifactStore()).clock(clock)
                .recoverOrphansOnOpen(recoverOnOpen).build();
    }

    /** A RUNNING run owned by a process that is not this one. */
    private String runOwnedBy(OwnerInfo owner) {
        store.registerOwner(owner);
        String experimentId = store.getOrCreateExperiment("e", clock.instant()).id();
        String runId = UUID.randomUUID().toString().replace("-", "");
        store.createRun(new RunInfo(runId, experimentId, "orphan", RunStatus.RUNNING, owner.startedAt(), null, "u",
                "s", null, owner.ownerId()), Map.of());
        return runId;
    }

    private static String localHost() throws Exception {
        return InetAddress.getLocalHost().getHostName();
    }

    @Test
    void open_ownerProcessGoneOnThisHost_marksItsRunsKilledWithReason() throws Exception {
        Instant t = clock.instant();
        String runId = runOwnedBy(new OwnerInfo("dead-owner", localHost(), 4_000_000_000L, t, t));

        try (Mlops mlops = open(true)) {
            RunRecord run = mlops.runs().get(runId);
            assertThat(run.status()).isEqualTo(RunStatus.KILLED);
            assertThat(run.info().endTime()).isEqualTo(clock.instant());
            assertThat(run.tag(SystemTags.KILLED_REASON)).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("dead-owner").contains("4000000000").contains("no process"));
            assertThat(store.listOwners()).extracting(OwnerInfo::ownerId).doesNotContain("dead-owner");
        }
    }

    @Test
    void recoverOrphanedRuns_ownerSilentBeyondTimeout_killsOnlyItsRunningRuns() {
        Instant t = clock.instant();
        String orphan = runOwnedBy(new OwnerInfo("silent", "elsewhere.invalid", 12, t, t));
        String alive = runOwnedBy(new OwnerInfo("alive", "elsewhere.invalid", 13, t, t));

        try (Mlops mlops = open(false)) {
            clock.advance(Duration.ofMinutes(5));
            store.heartbeat("alive", clock.instant());

            assertThat(mlops.recoverOrphanedRuns()).containsExactly(orphan);
            assertThat(mlops.runs().get(orphan).tag(SystemTags.KILLED_REASON))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("heartbeat").contains("silent"));
            assertThat(mlops.runs().get(alive).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(mlops.recoverOrphanedRuns()).isEmpty();
        }
    }

    @Test
    void open_recoverDisabled_leavesOrphansRunning() throws Exception {
        Instant t = clock.instant();
        String runId = runOwnedBy(new OwnerInfo("dead-owner", localHost(), 4_000_000_000L, t, t));

        try (Mlops mlops = open(false)) {
            assertThat(mlops.runs().get(runId).status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void open_otherInstanceOpenInThisJvm_keepsItsRunsEvenWhenItsHeartbeatLooksOld() {
        try (Mlops first = open(false)) {
            Run run = first.experiment("e").startRun();
            clock.advance(Duration.ofHours(1));

            try (Mlops second = open(true)) {
                assertThat(second.recoverOrphanedRuns()).isEmpty();
                assertThat(second.runs().get(run.id()).status()).isEqualTo(RunStatus.RUNNING);
            }
            run.close();
            assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        }
    }

    @Test
    void open_registersOwnerWithThisProcessAndCloseRemovesIt() {
        try (Mlops mlops = open(false)) {
            Run run = mlops.experiment("e").startRun();
            OwnerInfo self = store.listOwners().stream().filter(o -> o.ownerId().equals(run.info().ownerId()))
                    .findFirst().orElseThrow();
            assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(self.startedAt()).isEqualTo(clock.instant());
            run.close();
        }
        assertThat(store.listOwners()).isEmpty();
    }

    @Test
    void heartbeat_configuredInterval_refreshesOwnerOnDaemonThread() throws Exception {
        try (Mlops mlops = Mlops.builder().metadataStore(store).artifactStore(new InMemoryArtifactStore())
                .clock(clock).heartbeatInterval(Duration.ofMillis(20)).orphanTimeout(Duration.ofSeconds(5)).build()) {
            String ownerId = mlops.experiment("e").startRun().info().ownerId();
            assertThat(Thread.getAllStackTraces().keySet())
                    .filteredOn(t -> t.getName().equals("mlops4j-heartbeat-" + ownerId.substring(0, 8)))
                    .singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());
            clock.advance(Duration.ofSeconds(30));
            Instant expected = clock.instant();

            // Wait for a heartbeat to pick up the new time; bounded so a broken heartbeat fails instead of hanging.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!heartbeatOf(ownerId).equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(heartbeatOf(ownerId)).isEqualTo(expected);
        }
    }

    private Instant heartbeatOf(String ownerId) {
        return store.listOwners().stream().filter(o -> o.ownerId().equals(ownerId)).findFirst().orElseThrow()
                .lastHeartbeat();
    }

    @Test
    void heartbeat_ownerRecordRemovedByAnotherProcess_registersAgain() throws Exception {
        try (Mlops mlops = Mlops.builder().metadataStore(store).artifactStore(new InMemoryArtifactStore())
                .clock(clock).heartbeatInterval(Duration.ofMillis(20)).orphanTimeout(Duration.ofSeconds(5)).build()) {
            Run run = mlops.experiment("e").startRun();
            String ownerId = run.info().ownerId();
            // What another process does when it wrongly takes this one for dead.
            store.killRunsOfOwner(ownerId, clock.instant(), "test");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (store.listOwners().stream().noneMatch(o -> o.ownerId().equals(ownerId))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(store.listOwners()).extracting(OwnerInfo::ownerId).contains(ownerId);
            assertThat(run.status()).isEqualTo(RunStatus.KILLED);
        }
    }
}
