package dev.mlops4j.validation.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Drift within each value of a grouping column. */
class SegmentedDriftTest {
    private static final List<Column> COLUMNS = List.of(new Column("region", ColumnType.CATEGORICAL),
            new Column("amount", ColumnType.FLOATING), new Column("channel", ColumnType.CATEGORICAL));

    /** 400 rows per region; in region B of the current data amounts are one standard deviation higher. */
    private static List<Object[]> rows(long seed, boolean shiftB, String... regions) {
        Random r = new Random(seed);
        List<Object[]> out = new ArrayList<>();
        for (String region : regions) {
            for (int i = 0; i < 400; i++) {
                double amount = 100 + 15 * r.nextGaussian() + (shiftB && region.equals("B") ? 15 : 0);
                out.add(new Object[] {region, amount, r.nextBoolean() ? "web" : "store"});
            }
        }
        return out;
    }

    @Test
    void compareSegments_shiftInOneRegion_onlyThatSegmentDrifts() {
        Table ref = Table.ofArrays(COLUMNS, rows(1, false, "A", "B", "C"));
        List<Object[]> curRows = rows(2, true, "A", "B", "C");
        curRows.add(new Object[] {null, 100.0, "web"});
        Table cur = Table.ofArrays(COLUMNS, curRows);

        SegmentedDriftReport r = DriftDetector.defaults().compareSegments(ref, cur, "region");

        assertThat(r.segments().keySet()).containsExactly("A", "B", "C", SegmentedDriftReport.MISSING_SEGMENT);
        assertThat(r.segment("B").column("amount").status()).isEqualTo(DriftStatus.DRIFT);
        assertThat(r.segment("B").column("amount").measurement().orElseThrow().pValue()).isLessThan(1e-20);
        assertThat(r.segment("A").column("amount").status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(r.segment("C").column("amount").status()).isEqualTo(DriftStatus.NO_DRIFT);
        assertThat(r.segment("A").find("region")).isEmpty();
        assertThat(r.segment(SegmentedDriftReport.MISSING_SEGMENT).status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);
        assertThat(r.segment(SegmentedDriftReport.MISSING_SEGMENT).referenceRows()).isZero();
        assertThat(r.driftedSegments()).containsExactly("B");
        assertThat(r.overall().referenceRows()).isEqualTo(1200);
        assertThat(r.overall().currentRows()).isEqualTo(1201);
        // over all 1,200 rows (PSI: above 1,000 values) the shift of one region in three is diluted to a warning
        assertThat(r.overall().column("amount").measurement().orElseThrow().method()).isEqualTo(DriftMethod.PSI);
        assertThat(r.overall().column("amount").status()).isEqualTo(DriftStatus.WARNING);
        assertThat(r.toString()).startsWith("Drift by segment of 'region': 1 of 4 segments drifted\n")
                .containsPattern("B +400 +400 +DRIFT +50\\.00% +amount")
                .contains("Over all rows:\nDrift of arrays (1201 rows) against arrays (1200 rows)");
        // the overall verdict is only a warning, yet the drifted region stops a pipeline
        assertThat(r.overall().throwIfDrift()).isSameAs(r.overall());
        org.assertj.core.api.Assertions.assertThatThrownBy(r::throwIfDrift).isInstanceOf(DriftDetectedException.class)
                .hasMessageStartingWith("drift by segment of 'region': 1 of 4 segments drifted\n  - segment 'B':"
                        + " [amount]")
                .satisfies(e -> {
                    DriftDetectedException d = (DriftDetectedException) e;
                    assertThat(d.segmentedReport()).containsSame(r);
                    assertThat(d.report()).isSameAs(r.overall());
                });
        SegmentedDriftReport same = DriftDetector.defaults().compareSegments(ref, ref, "region");
        assertThat(same.throwIfDrift()).isSameAs(same);
    }

    @Test
    void compareSegments_profilesPerSegment_sameAsFromRows() {
        Map<String, Profile> ref = new LinkedHashMap<>();
        Map<String, Profile> cur = new LinkedHashMap<>();
        DriftDetector d = DriftDetector.defaults();
        for (String region : List.of("A", "B")) {
            ref.put(region, d.profile(Table.ofArrays(COLUMNS, rows(1, false, region))));
            cur.put(region, d.profile(Table.ofArrays(COLUMNS, rows(2, true, region))));
        }
        cur.put("Z", d.profile(Table.ofArrays(COLUMNS, rows(3, false, "Z"))));

        SegmentedDriftReport r = d.compareSegments(ref, cur, "region");

        assertThat(r.driftedSegments()).containsExactly("B");
        assertThat(r.segment("Z").status()).isEqualTo(DriftStatus.NOT_ENOUGH_DATA);
        assertThat(r.segment("Z").currentRows()).isEqualTo(400);
        assertThat(SegmentedDriftReport.fromJson(r.toJson())).isEqualTo(r);
    }

    @Test
    void logTo_run_segmentMetricsAndArtifact() {
        SegmentedDriftReport r = DriftDetector.defaults().compareSegments(
                Table.ofArrays(COLUMNS, rows(1, false, "A", "B")), Table.ofArrays(COLUMNS, rows(2, true, "A", "B")),
                "region");
        try (Mlops mlops = Mlops.inMemory()) {
            String runId;
            try (Run run = mlops.experiment("drift").startRun()) {
                runId = run.id();
                r.logTo(run);
            }
            var record = mlops.runs().get(runId);
            assertThat(record.metric("drift.segment.B.share").orElseThrow()).isEqualTo(0.5);
            assertThat(record.metric("drift.segment.A.share").orElseThrow()).isZero();
            assertThat(record.metric("drift.segment.B.amount.ks.p_value").orElseThrow()).isLessThan(1e-20);
            assertThat(SegmentedDriftReport.readFrom(mlops.runs(), runId)).isEqualTo(r);
        }
    }

    @Test
    void compareSegments_tooManyValuesOrNoSuchColumn_failsWithAdvice() {
        Table t = Table.ofArrays(COLUMNS, rows(1, false, "A", "B", "C"));
        assertThatThrownBy(() -> DriftDetector.builder().maxSegments(2).build().compareSegments(t, t, "region"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("column 'region' has more than 2 values; segment by a column with fewer values, or raise"
                        + " maxSegments");
        assertThatThrownBy(() -> DriftDetector.defaults().compareSegments(t, t, "country"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("arrays has no column 'country' to segment by; its columns are [region, amount, channel]");
    }
}
