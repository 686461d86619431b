package dev.mlops4j.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a notebook shows for a lineage graph: a summary and the tree, not the record's field dump. */
class LineageGraphTextTest {
    private static final String A1 = "1".repeat(32);
    private static final String A2 = "2".repeat(32);
    private static final String E1 = "e".repeat(32);
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void toString_upstreamGraph_isSummaryLineThenTree() {
        Artifact csv = new Artifact(A1, "Dataset", "file:///data/wine.csv", "ab".repeat(32), 10,
                ArtifactState.LIVE, T, Map.of());
        Artifact model = new Artifact(A2, "ModelVersion", "models:/wine/3", "cd".repeat(32), 20,
                ArtifactState.LIVE, T, Map.of());
        Execution train = new Execution(E1, "train", ExecutionState.COMPLETE, "", "r1", T, T, Map.of());
        LineageGraph graph = new LineageGraph(model, LineageGraph.Direction.UPSTREAM,
                Map.of(A1, csv, A2, model), Map.of(E1, train),
                List.of(new Event(E1, A1, EventType.INPUT, "data", T),
                        new Event(E1, A2, EventType.OUTPUT, "model", T)));

        assertThat(graph.toString()).isEqualTo("""
                Upstream lineage of ModelVersion models:/wine/3: 2 artifacts, 1 execution
                ModelVersion models:/wine/3 [sha256 cdcdcdcdcdcd]
                └─ <- train [COMPLETE, run r1] as 'model'
                   └─ data: Dataset file:///data/wine.csv [sha256 abababababab]
                """);
        assertThat(graph.toString()).doesNotContain("LineageGraph[", "Artifact[", "Event[");
    }
}
