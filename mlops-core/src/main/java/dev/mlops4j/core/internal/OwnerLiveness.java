package dev.mlops4j.core.internal;

import dev.mlops4j.spi.MetadataStore;
import dev.mlops4j.spi.OwnerInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the runs of one {@code Mlops} instance recoverable if its process dies: registers the instance as an
 * owner, refreshes its heartbeat on a daemon thread, and judges which other owners are dead so that their
 * RUNNING runs can be marked KILLED.
 *
 * <p>An owner is dead when it ran on this host and its process is gone, or its process id now belongs to a
 * process started after the owner registered (the id was reused, common in containers where the JVM is often
 * pid 1), or when its last heartbeat is older than the orphan timeout (the only test possible across hosts).
 * Owners opened in this JVM are always alive, even when a test clock makes their heartbeat look old.
 */
final class OwnerLiveness {
    private static final Logger LOG = LoggerFactory.getLogger(OwnerLiveness.class);
    /** Owners open in this JVM (this class loader); never judged dead, whatever their clocks say. */
    private static final Set<String> OPEN_IN_THIS_JVM = ConcurrentHashMap.newKeySet();
    /** Process start times are approximate (derived from boot time and clock ticks); allow for that. */
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    private final MetadataStore store;
    private final Clock clock;
    private final Duration orphanTimeout;
    private final OwnerInfo self;
    private final ScheduledExecutorService heartbeat;

    private OwnerLiveness(MetadataStore store, Clock clock, Duration heartbeatInterval, Duration orphanTimeout) {
        this.store = store;
        this.clock = clock;
        this.orphanTimeout = orphanTimeout;
        Instant now = clock.instant();
        this.self = new OwnerInfo(UUID.randomUUID().toString().replace("-", ""), LocalProcess.host(),
                LocalProcess.pid(), now, now);
        store.registerOwner(self);
        OPEN_IN_THIS_JVM.add(self.ownerId());
        String threadName = "mlops4j-heartbeat-" + self.ownerId().substring(0, 8);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            // A heartbeat must never keep an application from exiting.
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, heartbeatInterval.toMillis());
        heartbeat.scheduleAtFixedRate(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a new owner for the store and starts its heartbeat.
     *
     * @return the running liveness of the new owner
     */
    static OwnerLiveness start(MetadataStore store, Clock clock, Duration heartbeatInterval, Duration orphanTimeout) {
        return new OwnerLiveness(store, clock, heartbeatInterval, orphanTimeout);
    }

    /** @return this instance's owner id, recorded on the runs it starts */
    String ownerId() {
        return self.ownerId();
    }

    /** Proves this owner alive. Runs on the heartbeat thread, so it logs failures instead of throwing them. */
    void beat() {
        try {
            store.heartbeat(self.ownerId(), clock.instant());
            if (store.listOwners().stream().noneMatch(o -> o.ownerId().equals(self.ownerId()))) {
                // Another process took this instance for dead (a long pause, a suspended laptop) and killed its
                // runs. Register again so that runs started from now on remain recoverable.
                LOG.warn("the owner record of this mlops4j instance ({}) was removed by another process, which"
                        + " treated it as dead and marked its RUNNING runs KILLED; registering again", self.ownerId());
                Instant now = clock.instant();
                store.registerOwner(new OwnerInfo(self.ownerId(), self.host(), self.pid(), self.startedAt(), now));
            }
        } catch (RuntimeException e) {
            LOG.warn("mlops4j heartbeat of owner {} failed; other processes may treat this one as dead after {}: {}",
                    self.ownerId(), orphanTimeout, e.toString());
        }
    }

    /**
     * Marks the RUNNING runs of every dead owner KILLED.
     *
     * @return the ids of the runs marked KILLED
     */
    List<String> recoverOrphans() {
        Instant now = clock.instant();
        List<String> killed = new ArrayList<>();
        for (OwnerInfo owner : store.listOwners()) {
            if (owner.ownerId().equals(self.ownerId())) {
                continue;
            }
            Optional<String> why = deathReason(owner, now, orphanTimeout, LocalProcess.host(), OPEN_IN_THIS_JVM,
                    ProcessHandle::of);
            if (why.isEmpty()) {
                continue;
            }
            String reason = "owner " + owner.ownerId() + " (process " + owner.pid() + " on host " + owner.host()
                    + ", opened " + owner.startedAt() + ") is considered dead: " + why.get()
                    + "; detected by process " + self.pid() + " on host " + self.host() + " at " + now;
            List<String> runs = store.killRunsOfOwner(owner.ownerId(), now, reason);
            if (!runs.isEmpty()) {
                LOG.warn("marked {} orphaned run(s) KILLED {}: {}", runs.size(), runs, reason);
            } else {
                LOG.debug("removed dead owner without running runs: {}", reason);
            }
            killed.addAll(runs);
        }
        return List.copyOf(killed);
    }

    /**
     * Decides whether an owner is dead.
     *
     * @param owner the owner to judge
     * @param now the current time of the configured clock
     * @param orphanTimeout silence after which an owner is dead
     * @param localHost this host's name
     * @param openHere owners open in this JVM (alive by definition)
     * @param processes looks up a live process by id on this host
     * @return why the owner is dead, or empty if it may be alive
     */
    static Optional<String> deathReason(OwnerInfo owner, Instant now, Duration orphanTimeout, String localHost,
                                        Set<String> openHere, LongFunction<Optional<ProcessHandle>> processes) {
        if (openHere.contains(owner.ownerId())) {
            return Optional.empty();
        }
        if (owner.host().equals(localHost) && owner.pid() > 0) {
            Optional<ProcessHandle> process = processes.apply(owner.pid()).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return Optional.of("no process with id " + owner.pid() + " is running on this host");
            }
            Optional<Instant> started = process.get().info().startInstant();
            if (started.isPresent() && started.get().isAfter(owner.startedAt().plus(START_TIME_TOLERANCE))) {
                return Optional.of("process id " + owner.pid() + " now belongs to a process started at "
                        + started.get() + ", after the owner registered at " + owner.startedAt()
                        + ", so the owner's process has ended and its id was reused");
            }
        }
        Instant deadline = now.minus(orphanTimeout);
        if (owner.lastHeartbeat().isBefore(deadline)) {
            return Optional.of("its last heartbeat was at " + owner.lastHeartbeat() + ", more than the orphan timeout"
                    + " of " + orphanTimeout + " before " + now);
        }
        return Optional.empty();
    }

    /**
     * Retires this owner: stops the heartbeat, then marks its still-RUNNING runs KILLED and removes its record.
     *
     * @param reason the {@code mlops.killed.reason} of those runs
     * @return the ids of the runs marked KILLED
     */
    List<String> retire(String reason) {
        // shutdown, not shutdownNow: interrupting a thread inside a JDBC call can close the database's file channel.
        heartbeat.shutdown();
        try {
            // Wait so that a heartbeat in progress cannot re-register this owner after its record is removed.
            heartbeat.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            return store.killRunsOfOwner(self.ownerId(), clock.instant(), reason);
        } finally {
            OPEN_IN_THIS_JVM.remove(self.ownerId());
        }
    }
}
