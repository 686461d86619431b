package dev.mlops4j.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.validation.Severity;
import dev.mlops4j.validation.SharedData;
import dev.mlops4j.validation.data.ColumnType;
import dev.mlops4j.validation.data.CsvTable;
import dev.mlops4j.validation.data.Table;
import dev.mlops4j.validation.profile.Profile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static Schema wineSchema() {
        return Schema.infer(Profile.of(CsvTable.of(SharedData.path("wine.csv"))));
    }

    @Test
    void infer_wine_requiresEveryColumnWithObservedRangesAndCultivarDomain() {
        Schema s = wineSchema();

        assertThat(s.columns()).hasSize(14);
        ColumnSchema alcohol = s.find("alcohol").orElseThrow();
        assertThat(alcohol.type()).isEqualTo(ColumnType.FLOATING);
        assertThat(alcohol.required()).isTrue();
        assertThat(alcohol.maxMissingFraction()).isZero();
        assertThat(alcohol.min()).isEqualTo(11.03);
        assertThat(alcohol.max()).isEqualTo(14.83);
        assertThat(alcohol.domain()).isNull();
        assertThat(s.find("magnesium").orElseThrow().type()).isEqualTo(ColumnType.INTEGER);
        assertThat(s.find("cultivar").orElseThrow().domain()).containsExactly("class_0", "class_1", "class_2");
    }

    @Test
    void infer_missingValuesAndIdentifiers_relaxPresenceAndSkipDomain() {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("id", "user-" + i);
            r.put("city", i % 50 == 0 ? null : i % 2 == 0 ? "Oslo" : "Bergen");
            r.put("day", LocalDate.of(2024, 1, 1).plusDays(i % 10));
            rows.add(r);
        }

        Schema s = Schema.infer(Profile.of(Table.ofMaps(rows)));

        assertThat(s.find("id").orElseThrow().domain()).isNull();
        ColumnSchema city = s.find("city").orElseThrow();
        assertThat(city.maxMissingFraction()).isEqualTo(0.02);
        assertThat(city.domain()).containsExactly("Bergen", "Oslo");
        ColumnSchema day = s.find("day").orElseThrow();
        assertThat(day.type()).isEqualTo(ColumnType.DATE);
        assertThat(day.min()).isEqualTo((double) LocalDate.of(2024, 1, 1).toEpochDay());
    }

    @Test
    void inference_withoutRangesAndSmallDomains_appliesSettings() {
        Schema s = SchemaInference.builder().inferRanges(false).maxDomainSize(2).build()
                .infer(Profile.of(CsvTable.of(SharedData.path("wine.csv"))));

        assertThat(s.find("alcohol").orElseThrow().min()).isNull();
        assertThat(s.find("cultivar").orElseThrow().domain()).isNull();
    }

    @Test
    void column_fluentEdits_changeTheSchemaInPlace() {
        Schema s = Schema.create();

        s.column("age").numeric().range(18, 100).required();
        s.column("purpose").categorical().domain("car", "education").maxMissingFraction(0.01)
                .column("label").categorical().notInEnvironments(Environment.SERVING);

        ColumnSchema age = s.find("age").orElseThrow();
        assertThat(age.type()).isEqualTo(ColumnType.FLOATING);
        assertThat(age.min()).isEqualTo(18.0);
        assertThat(age.max()).isEqualTo(100.0);
        assertThat(age.required()).isTrue();
        ColumnSchema purpose = s.find("purpose").orElseThrow();
        assertThat(purpose.domain()).containsExactly("car", "education");
        assertThat(purpose.maxMissingFraction()).isEqualTo(0.01);
        assertThat(purpose.required()).isFalse();
        ColumnSchema label = s.find("label").orElseThrow();
        assertThat(label.appliesIn(Environment.TRAINING)).isTrue();
        assertThat(label.appliesIn(Environment.SERVING)).isFalse();
        assertThat(label.appliesIn(null)).isTrue();
        s.column("purpose").addToDomain("business");
        assertThat(s.find("purpose").orElseThrow().domain()).containsExactly("car", "education", "business");
    }

    @Test
    void column_dateAndInstantBounds_needTheMatchingType() {
        Schema s = Schema.create();
        s.column("day").date().min(java.time.LocalDate.parse("2024-01-01"));
        s.column("at").timestamp().max(java.time.Instant.parse("2024-01-01T00:00:00Z"));

        assertThat(s.find("day").orElseThrow().min()).isEqualTo((double) java.time.LocalDate.parse("2024-01-01")
                .toEpochDay());
        assertThat(s.find("at").orElseThrow().max()).isEqualTo((double) java.time.Instant.parse("2024-01-01T00:00:00Z")
                .toEpochMilli());
        assertThatThrownBy(() -> s.column("day").max(java.time.Instant.EPOCH))
                .isInstanceOf(dev.mlops4j.InvalidInputException.class)
                .hasMessage("column 'day' is DATE; call timestamp() before an instant maximum");
        assertThatThrownBy(() -> s.column("x").integer().min(java.time.LocalDate.EPOCH))
                .isInstanceOf(dev.mlops4j.InvalidInputException.class).hasMessageContaining("call date()");
    }

    @Test
    void column_typeChange_dropsConstraintsOfTheOldType() {
        Schema s = Schema.create();
        s.column("x").integer().range(0, 10).categorical().domain("a").integer();

        ColumnSchema x = s.find("x").orElseThrow();
        assertThat(x.min()).isNull();
        assertThat(x.domain()).isNull();
    }

    @Test
    void column_constraintOfAnotherType_throwsInvalidInputSayingWhatToCallFirst() {
        Schema s = Schema.create();

        assertThatThrownBy(() -> s.column("c").range(1, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("numeric()");
        assertThatThrownBy(() -> s.column("n").integer().domain("a")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("categorical()");
        assertThatThrownBy(() -> s.column("n").range(5, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("min <= max");
        assertThatThrownBy(() -> s.column("n").maxMissingFraction(1.5)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void toJson_fromJson_roundTripsEveryKindOfConstraint() {
        Schema s = wineSchema().environments(Environment.TRAINING, Environment.SERVING)
                .unexpectedColumns(Severity.WARNING).rowCount(10, 1000L);
        s.column("cultivar").notInEnvironments(Environment.SERVING).severity(Severity.WARNING);
        s.column("hue").disallowNaN().distinctCount(5, 500).maxMissingFraction(0.05);
        s.column("when").date().range(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)).optional();
        s.column("at").timestamp().range(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
                .inEnvironments(Environment.SERVING);
        s.column("flag").bool();

        String json = s.toJson();
        Schema back = Schema.fromJson(json);

        assertThat(back).isEqualTo(s);
        assertThat(back.toJson()).isEqualTo(json);
        assertThat(json).contains("\"min\" : \"2020-01-01\"").contains("\"max\" : \"2025-01-01T00:00:00Z\"")
                .contains("\"notInEnvironments\" : [ \"SERVING\" ]");
    }

    @Test
    void fromJson_handEditedMinimalDocument_usesDefaults() {
        String json = """
                {
                  "format": "mlops4j-schema", "formatVersion": 1,
                  "columns": [
                    {"name": "age", "type": "INTEGER", "required": true, "min": 18, "max": 100},
                    {"name": "city", "type": "CATEGORICAL", "domain": ["Oslo", "Bergen"], "maxMissingFraction": 0.1}
                  ]
                }
                """;

        Schema s = Schema.fromJson(json);

        assertThat(s.find("age").orElseThrow()).isEqualTo(new ColumnSchema("age", ColumnType.INTEGER, true, 0.0, 18.0,
                100.0, null, null, null, true, java.util.Set.of(), java.util.Set.of(), Severity.ERROR));
        ColumnSchema city = s.find("city").orElseThrow();
        assertThat(city.required()).isFalse();
        assertThat(city.maxMissingFraction()).isEqualTo(0.1);
        assertThat(s.unexpectedColumnSeverity()).contains(Severity.ERROR);
        assertThat(s.minRows()).isEqualTo(1);
    }

    @Test
    void fromJson_badField_throwsInvalidInputNamingIt() {
        String badType = "{\"format\":\"mlops4j-schema\",\"formatVersion\":1,\"columns\":[{\"name\":\"a\",\"type\":\"TEXT\"}]}";
        String badDate = "{\"format\":\"mlops4j-schema\",\"formatVersion\":1,\"columns\":[{\"name\":\"d\",\"type\":\"DATE\","
                + "\"min\":\"31.01.2024\"}]}";
        String twice = "{\"format\":\"mlops4j-schema\",\"formatVersion\":1,\"columns\":[{\"name\":\"a\",\"type\":\"INTEGER\"},"
                + "{\"name\":\"a\",\"type\":\"INTEGER\"}]}";

        assertThatThrownBy(() -> Schema.fromJson(badType)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown type 'TEXT'");
        assertThatThrownBy(() -> Schema.fromJson(badDate)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> Schema.fromJson(twice)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void copy_isIndependentOfLaterEdits() {
        Schema s = wineSchema();
        Schema copy = s.copy();

        s.column("alcohol").range(0, 1);

        assertThat(copy.find("alcohol").orElseThrow().max()).isEqualTo(14.83);
        assertThat(copy).isNotEqualTo(s);
    }

    @Test
    void toString_showsOneAlignedLinePerColumn() {
        String text = wineSchema().toString();

        assertThat(text).startsWith("Schema: 14 columns");
        assertThat(text).contains("cultivar").contains("class_0, class_1, class_2").contains("[11.03, 14.83]");
    }

    @Test
    void environment_invalidName_throwsInvalidInput() {
        assertThatThrownBy(() -> Environment.of("has space")).isInstanceOf(InvalidInputException.class);
    }
}
