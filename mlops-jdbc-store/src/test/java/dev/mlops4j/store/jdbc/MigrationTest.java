package dev.mlops4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {

    @Test
    void statements_script_areSplitAtSemicolonsWithoutComments() {
        Migration m = Migration.of(1, "x", "-- header\nCREATE TABLE a (\n  id INT -- inline\n);\n\n-- next\nINSERT INTO a VALUES (1);\n");

        assertThat(m.statements()).containsExactly("CREATE TABLE a (\n  id INT -- inline\n)", "INSERT INTO a VALUES (1)");
    }

    @Test
    void of_sameScript_hasTheSameChecksumAndAnEditChangesIt() {
        Migration a = Migration.of(1, "x", "CREATE TABLE a (id INT);\n");

        assertThat(Migration.of(1, "x", "CREATE TABLE a (id INT);\n").checksum()).isEqualTo(a.checksum());
        assertThat(Migration.of(1, "x", "CREATE TABLE a (id BIGINT);\n").checksum()).isNotEqualTo(a.checksum());
        assertThat(a.checksum()).matches("[0-9a-f]{64}");
    }

    @Test
    void bundled_migrations_areNumberedFromOneWithoutGaps() {
        List<Migration> bundled = Migrations.bundled();

        for (int i = 0; i < bundled.size(); i++) {
            assertThat(bundled.get(i).version()).isEqualTo(i + 1);
        }
        assertThat(bundled.get(0).description()).isEqualTo("tracking");
        assertThat(bundled.get(0).statements()).isNotEmpty().allSatisfy(s -> assertThat(s).doesNotEndWith(";"));
    }

    @Test
    void load_badFileName_isRejected() {
        assertThatThrownBy(() -> Migration.load(Migrations.LOCATION, "tracking.sql"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("V<n>__<name>.sql");
    }
}
