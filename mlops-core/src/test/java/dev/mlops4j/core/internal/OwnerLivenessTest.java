package dev.mlops4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mlops4j.spi.OwnerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnerLivenessTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String HOST = "this-host";
    private final Instant now = Instant.now();
    private final long myPid = ProcessHandle.current().pid();
    private final Instant myStart = ProcessHandle.current().info().startInstant().orElseThrow();

    private static OwnerInfo owner(String host, long pid, Instant startedAt, Instant lastHeartbeat) {
        return new OwnerInfo("owner-1", host, pid, startedAt, lastHeartbeat);
    }

    @Test
    void deathReason_liveProcessOnThisHostWithFreshHeartbeat_isAlive() {
        OwnerInfo o = owner(HOST, myPid, myStart.plusSeconds(5), now);

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of(), ProcessHandle::of)).isEmpty();
    }

    @Test
    void deathReason_noSuchProcessOnThisHost_isDeadEvenWithFreshHeartbeat() {
        OwnerInfo o = owner(HOST, 4_000_000_000L, now, now);

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of(), ProcessHandle::of))
                .hasValueSatisfying(r -> assertThat(r).contains("4000000000").contains("no process"));
    }

    @Test
    void deathReason_pidReusedByProcessStartedAfterOwner_isDead() {
        // The owner registered long before the process that now has its pid started.
        OwnerInfo o = owner(HOST, myPid, myStart.minus(Duration.ofHours(1)), now);

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of(), ProcessHandle::of))
                .hasValueSatisfying(r -> assertThat(r).contains("reused"));
    }

    @Test
    void deathReason_otherHostWithOldHeartbeat_isDead() {
        OwnerInfo o = owner("elsewhere", 1, now.minus(Duration.ofHours(1)), now.minus(TIMEOUT).minusSeconds(1));

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of(), pid -> Optional.empty()))
                .hasValueSatisfying(r -> assertThat(r).contains("heartbeat"));
    }

    @Test
    void deathReason_otherHostWithRecentHeartbeat_isAlive() {
        OwnerInfo o = owner("elsewhere", 1, now.minus(Duration.ofHours(1)), now.minus(TIMEOUT).plusSeconds(1));

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of(), pid -> Optional.empty())).isEmpty();
    }

    @Test
    void deathReason_ownerOpenInThisJvm_isAliveWhateverItsClockSays() {
        OwnerInfo o = owner(HOST, 4_000_000_000L, Instant.EPOCH, Instant.EPOCH);

        assertThat(OwnerLiveness.deathReason(o, now, TIMEOUT, HOST, Set.of("owner-1"), ProcessHandle::of)).isEmpty();
    }
}
