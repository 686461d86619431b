package dev.mlops4j.validation.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.Column;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileJsonTest {

    private static Profile sketchedProfile() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(new Object[] {i * 0.5, "v" + (i % 1500), i % 3 == 0, i == 7 ? Double.POSITIVE_INFINITY : -i * 1.0});
        }
        return Profiler.builder().exactDistinctLimit(100).build().profile(Table.ofArrays(List.of(
                new Column("x", ColumnType.FLOATING), new Column("s", ColumnType.CATEGORICAL),
                new Column("b", ColumnType.BOOLEAN), new Column("y", ColumnType.FLOATING)), rows));
    }

    @ParameterizedTest
    @ValueSource(strings = {"iris.csv", "wine.csv", "seattle-weather.csv"})
    void fromJson_toJson_roundTripsSharedDataProfilesExactly(String file) {
        Profile p = Profile.of(CsvTable.of(SharedData.path(file)));

        String json = p.toJson();
        Profile back = Profile.fromJson(json);

        assertThat(back.toJson()).isEqualTo(json);
        assertThat(back.source()).isEqualTo(file);
        assertThat(back.rowCount()).isEqualTo(p.rowCount());
        for (ColumnProfile c : p.columns()) {
            ColumnProfile b = back.column(c.name());
            assertThat(b.type()).isEqualTo(c.type());
            assertThat(b.mean()).isEqualTo(c.mean());
            assertThat(b.stddev()).isEqualTo(c.stddev());
            assertThat(b.distinct()).isEqualTo(c.distinct());
            assertThat(b.quantiles()).isEqualTo(c.quantiles());
            assertThat(b.histogram()).isEqualTo(c.histogram());
            assertThat(b.topValues()).isEqualTo(c.topValues());
        }
    }

    @Test
    void fromJson_sketchedProfileWithInfinity_roundTripsAndStaysMergeable() {
        Profile p = sketchedProfile();

        Profile back = Profile.fromJson(p.toJson());

        assertThat(back.toJson()).isEqualTo(p.toJson());
        assertThat(back.column("y").min().getAsDouble()).isEqualTo(-4999.0);
        assertThat(back.column("y").max().getAsDouble()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(back.column("s").distinct().exact()).isFalse();
        Profile doubled = back.merge(p);
        assertThat(doubled.rowCount()).isEqualTo(10_000);
        assertThat(doubled.column("x").count()).isEqualTo(10_000);
        // the same 1,500 values twice: a union of equal sketches (estimated by the union's composite estimator)
        assertThat((double) doubled.column("s").distinct().estimate()).isCloseTo(1500, org.assertj.core.api.Assertions.within(75.0));
        assertThat(doubled.column("b").mean()).isEqualTo(p.column("b").mean());
    }

    @Test
    void toJson_isVersionedAndReadable() {
        String json = Profile.of(CsvTable.of(SharedData.path("iris.csv"))).toJson();

        assertThat(json).contains("\"format\" : \"mlops4j-profile\"").contains("\"formatVersion\" : 1")
                .contains("\"name\" : \"species\"").contains("\"quantiles\"").contains("\"histogram\"");
    }

    @Test
    void fromJson_newerVersion_throwsAskingToUpgrade() {
        String json = Profile.of(Table.ofMaps(List.of(java.util.Map.of("a", 1L)))).toJson()
                .replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");

        assertThatThrownBy(() -> Profile.fromJson(json)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version 2").hasMessageContaining("upgrade");
    }

    @Test
    void fromJson_notAProfile_throwsInvalidInput() {
        assertThatThrownBy(() -> Profile.fromJson("{\"format\":\"mlops4j-schema\",\"formatVersion\":1}"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("mlops4j-profile");
        assertThatThrownBy(() -> Profile.fromJson("{not json")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void merge_columnAbsentFromOneChunk_countsThatChunksRowsAsMissing() {
        Profile withB = Profile.of(Table.ofMaps(List.of(java.util.Map.of("a", 1L, "b", "x"),
                java.util.Map.of("a", 2L, "b", "y"))));
        Profile withoutB = Profile.of(Table.ofMaps(List.of(java.util.Map.of("a", 3L, "c", true))));

        Profile merged = withB.merge(withoutB);

        assertThat(merged.rowCount()).isEqualTo(3);
        assertThat(merged.columnNames()).containsExactlyInAnyOrder("a", "b", "c");
        for (ColumnProfile c : merged.columns()) {
            assertThat(c.count() + c.missing() + c.invalid()).as(c.name()).isEqualTo(3);
        }
        assertThat(merged.column("b").missing()).isEqualTo(1);
        assertThat(merged.column("c").missing()).isEqualTo(2);
        assertThat(merged.column("a").mean().getAsDouble()).isEqualTo(2.0);
    }

    @Test
    void merge_columnsWithDifferentTypes_throwsInvalidInput() {
        Profile a = Profile.of(Table.ofMaps(List.of(java.util.Map.of("c", 1L))));
        Profile b = Profile.of(Table.ofMaps(List.of(java.util.Map.of("c", "x"))));

        assertThatThrownBy(() -> a.merge(b)).isInstanceOf(InvalidInputException.class).hasMessageContaining("'c'");
    }
}
