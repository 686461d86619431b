package dev.mlops4j.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A window's records as table rows: every column in sorted order, absent and NaN values missing. */
class WindowRowsTest {

    @Test
    void of_recordsWithDifferentFeaturesAndNaN_rowsListEveryColumnSortedWithMissingAsNull() {
        Map<String, Double> first = Map.of("b", 2.0, "a", 1.0);
        Map<String, Double> second = Map.of("c", Double.NaN, "a", 3.0);

        List<Map<String, Object>> rows = WindowRows.of(List.of(first, second));

        assertThat(rows).hasSize(2);
        assertThat(new ArrayList<>(rows.get(0).keySet())).containsExactly("a", "b", "c");
        Map<String, Object> expectedFirst = new LinkedHashMap<>();
        expectedFirst.put("a", 1.0);
        expectedFirst.put("b", 2.0);
        expectedFirst.put("c", null);
        Map<String, Object> expectedSecond = new LinkedHashMap<>();
        expectedSecond.put("a", 3.0);
        expectedSecond.put("b", null);
        expectedSecond.put("c", null);
        assertThat(rows.get(0)).isEqualTo(expectedFirst);
        assertThat(rows.get(1)).isEqualTo(expectedSecond);
        assertThat(rows.get(1).get("c")).isNull();
        assertThat(rows.get(1).get("d")).isNull();
        assertThat(rows.get(1).containsKey("b")).isTrue();
        assertThat(rows.get(1).containsKey("d")).isFalse();
    }

    @Test
    void of_noRecords_noRows() {
        assertThat(WindowRows.of(List.of())).isEmpty();
    }
}
