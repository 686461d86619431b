package dev.mlops4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelUriTest {

    @Test
    void parse_everyForm_givesItsParts() {
        assertThat(ModelUri.parse("models:/wine/3")).isEqualTo(ModelUri.version("wine", 3))
                .extracting(ModelUri::kind, ModelUri::modelName, ModelUri::version)
                .containsExactly(ModelUri.Kind.VERSION, "wine", 3);
        assertThat(ModelUri.parse("models:/wine@production")).extracting(ModelUri::kind, ModelUri::alias)
                .containsExactly(ModelUri.Kind.ALIAS, "production");
        assertThat(ModelUri.parse("models:/wine/latest").kind()).isEqualTo(ModelUri.Kind.LATEST);
        assertThat(ModelUri.parse("runs:/0123abcd/models/lr")).extracting(ModelUri::kind, ModelUri::runId,
                ModelUri::artifactPath).containsExactly(ModelUri.Kind.RUN, "0123abcd", "models/lr");
        assertThat(ModelUri.parse("runs:/0123abcd/./model//").artifactPath()).isEqualTo("model");
    }

    @ParameterizedTest
    @ValueSource(strings = {"models:/wine", "models:/wine/", "models:/wine/0", "models:/wine/-1", "models:/wine/v3",
        "models:/wine@", "models:/wine@latest", "models:/wine@1st", "models:/@production", "models://wine/3",
        "models:/a/b/3", "models:/wine/3000000000", "runs:/", "runs:/abc", "runs:/abc/", "runs:/abc/../x",
        "runs:/a b/model", "model:/wine/3", "wine/3", ""})
    void parse_malformed_throwsInvalidInputShowingTheForms(String uri) {
        assertThatThrownBy(() -> ModelUri.parse(uri)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'" + uri + "'");
    }

    @Test
    void parse_null_throwsInvalidInput() {
        assertThatThrownBy(() -> ModelUri.parse(null)).isInstanceOf(InvalidInputException.class);
    }

    @Property
    void toString_parse_roundTrips(@ForAll("names") String name, @ForAll @IntRange(min = 1, max = 999_999_999) int v,
                                   @ForAll("aliases") String alias) {
        for (ModelUri uri : new ModelUri[] {ModelUri.version(name, v), ModelUri.alias(name, alias),
            ModelUri.latest(name), ModelUri.run("r" + v, name + "/" + name)}) {
            assertThat(ModelUri.parse(uri.toString())).isEqualTo(uri);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019_.-").ofMinLength(1).ofMaxLength(30)
                .filter(s -> s.charAt(0) != '.' && s.charAt(0) != '-' && !s.equals("..") && !s.contains(".."));
    }

    @Provide
    Arbitrary<String> aliases() {
        return Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(20)
                .filter(s -> Character.isLetter(s.charAt(0)) || s.charAt(0) == '_').filter(s -> !s.equals("latest"));
    }
}
