package dev.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.gate.ConditionStatus;
import dev.mlops4j.internal.PrintedList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryValuesTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00.123456Z");

    @ParameterizedTest
    @ValueSource(strings = {"wine", "Wine-2", "_x", "a.b-c_d", "9lives"})
    void checkModelName_valid_returnsIt(String name) {
        assertThat(RegistryNames.checkModelName(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".hidden", "-x", "a/b", "a b", "a@b", "ünï"})
    void checkModelName_invalid_throwsInvalidInput(String name) {
        assertThatThrownBy(() -> RegistryNames.checkModelName(name)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkModelName_tooLong_namesTheLimit() {
        assertThatThrownBy(() -> RegistryNames.checkModelName("m".repeat(201)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("limit is 200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "1st", "-x", "a.b", "", "pro duction"})
    void checkAlias_invalidOrReserved_throwsInvalidInput(String alias) {
        assertThatThrownBy(() -> RegistryNames.checkAlias(alias)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void checkReason_blankOrControlCharacters_throwsInvalidInput() {
        assertThatThrownBy(() -> RegistryNames.checkReason("  ")).hasMessageContaining("reason is required");
        assertThatThrownBy(() -> RegistryNames.checkReason("a\u0000b")).hasMessageContaining("control");
        assertThat(RegistryNames.checkReason("line 1\nline 2\tok")).isEqualTo("line 1\nline 2\tok");
    }

    @Test
    void approvalPolicy_tagForm_roundTripsSorted() {
        ApprovalPolicy p = ApprovalPolicy.protect("production", "champion");

        assertThat(p.toTag()).isEqualTo("champion,production");
        assertThat(ApprovalPolicy.fromTag(p.toTag())).isEqualTo(p);
        assertThat(ApprovalPolicy.fromTag(null)).isEqualTo(ApprovalPolicy.none());
        assertThat(ApprovalPolicy.fromTag("")).isEqualTo(ApprovalPolicy.none());
        assertThat(p.isProtected("production")).isTrue();
        assertThat(p.isProtected("staging")).isFalse();
        assertThatThrownBy(() -> ApprovalPolicy.protect("latest")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void recordedGate_fromTags_readsOnlyValidGateTags() {
        Map<String, String> tags = Map.of("gate.release.status", "PASSED", "gate.release.summary", "1 passed",
                "gate.smoke.status", "FAILED", "gate.odd.status", "MAYBE", "gate..status", "PASSED", "team", "q");

        Map<String, RecordedGate> gates = RecordedGate.fromTags(tags);

        assertThat(gates).containsOnlyKeys("release", "smoke");
        assertThat(gates.get("release")).isEqualTo(new RecordedGate("release", ConditionStatus.PASSED, "1 passed"));
        assertThat(gates.get("smoke").summary()).isEmpty();
        assertThat(RecordedGate.fromTags(gates.get("release").toTags())).containsEntry("release", gates.get("release"));
    }

    @Test
    void values_times_truncatedToMillisecondsAsStoresKeepThem() {
        AuditEntry e = new AuditEntry(1, T, "u", AuditAction.APPROVED, "wine", 1, "production", null, null, null);
        ModelVersion v = new ModelVersion("wine", 1, "r", "model", "f", "c", null, null, VersionStatus.ACTIVE, null,
                null, "u", T, T);

        assertThat(e.at()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123Z"));
        assertThat(e.reason()).isEmpty();
        assertThat(e.details()).isEmpty();
        assertThat(v.createdAt()).isEqualTo(e.at());
        assertThat(v.description()).isEmpty();
        assertThat(e.toString()).isEqualTo("#1 2024-05-01T10:00:00.123Z u APPROVED wine v1 @production");
    }

    @Test
    void auditFilter_matches_everyCriterionMustHold() {
        AuditEntry e = new AuditEntry(5, T, "bob", AuditAction.ALIAS_MOVED, "wine", 2, "production", 1, "", Map.of());

        assertThat(AuditFilter.all().matches(e)).isTrue();
        assertThat(AuditFilter.builder().version("wine", 2).action(AuditAction.ALIAS_MOVED).user("bob").since(T)
                .until(T.plusMillis(1)).afterSequence(4).build().matches(e)).isTrue();
        assertThat(AuditFilter.builder().model("iris").build().matches(e)).isFalse();
        assertThat(AuditFilter.builder().version("wine", 1).build().matches(e)).isFalse();
        assertThat(AuditFilter.builder().action(AuditAction.APPROVED).build().matches(e)).isFalse();
        assertThat(AuditFilter.builder().user("alice").build().matches(e)).isFalse();
        assertThat(AuditFilter.builder().until(e.at()).build().matches(e)).as("until is exclusive").isFalse();
        assertThat(AuditFilter.builder().afterSequence(5).build().matches(e)).isFalse();
        assertThatThrownBy(() -> AuditFilter.builder().limit(0).build()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AuditFilter(null, 2, null, null, null, null, 0, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs the model name");
    }

    @Test
    void auditEntry_toString_multiLineDetailSaysHowLongInsteadOfBreakingTheLine() {
        AuditEntry e = new AuditEntry(9, T, "bob", AuditAction.PROMOTION_REJECTED, "wine", 4, "production", null,
                "nightly", Map.of("gate.status", "FAILED",
                        "gate.table", "  status  condition\n  FAILED  x\n  PASSED  y"));

        assertThat(e.toString()).isEqualTo("#9 2024-05-01T10:00:00.123Z bob PROMOTION_REJECTED wine v4 @production:"
                + " nightly {gate.status=FAILED, gate.table=(3 lines)}").doesNotContain("\n");
        assertThat(e.details().get("gate.table")).contains("\n");
    }

    @Test
    void auditTrail_toString_isAnAlignedTableOfTheEntries() {
        List<AuditEntry> trail = new PrintedList<>(List.of(
                new AuditEntry(1, T, "alice", AuditAction.VERSION_REGISTERED, "wine", 1, null, null, "", Map.of()),
                new AuditEntry(2, T, "bob", AuditAction.ALIAS_MOVED, "wine", 3, "production", 1, "beats v1",
                        Map.of("gate.table", "a\nb"))), AuditTable::render);

        assertThat(trail.toString()).isEqualTo("""
                2 audit entries:
                #  at                        user   action              model  version  alias        from  reason
                -  ------------------------  -----  ------------------  -----  -------  -----------  ----  --------
                1  2024-05-01T10:00:00.123Z  alice  VERSION_REGISTERED  wine   v1
                2  2024-05-01T10:00:00.123Z  bob    ALIAS_MOVED         wine   v3       @production  v1    beats v1
                """);
        assertThat(trail).hasSize(2).isEqualTo(List.copyOf(trail));
        assertThatThrownBy(() -> trail.add(trail.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(AuditTable.render(List.of())).isEqualTo("(no audit entries)\n");
    }

    @Test
    void approval_toString_isOneLine() {
        assertThat(new Approval("wine", 4, "production", "bob", T, "checked\nby hand").toString())
                .isEqualTo("models:/wine/4 @production approved by bob at 2024-05-01T10:00:00.123Z:"
                        + " checked\\nby hand");
    }
}
