package dev.mlops4j.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void newId_manyInARow_areValidDistinctAndSortedByTheirTimePrefix() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(Execution.newId());
        }

        assertThat(ids).allSatisfy(id -> assertThat(Ids.id("id", id)).isEqualTo(id));
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // Later ids sort later (to the millisecond), which keeps a store's inserts at the right edge of its indexes.
        assertThat(ids.stream().map(id -> id.substring(0, 12)).toList()).isSorted();
    }

    @Test
    void newId_timePrefix_isTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        String id = Artifact.newId();
        long after = System.currentTimeMillis();

        assertThat(Long.parseLong(id.substring(0, 12), 16)).isBetween(before, after);
    }
}
