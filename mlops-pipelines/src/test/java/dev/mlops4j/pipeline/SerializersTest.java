package dev.mlops4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerializersTest {
    /** A JSON value. */
    public record Point(String name, double x, List<Integer> tags, Map<String, String> attributes) {
    }

    @Property
    void string_roundTrips(@ForAll String text) throws IOException {
        Serializer<String> s = Serializers.string();
        assertThat(s.deserialize(s.serialize(text))).isEqualTo(text);
    }

    @Property
    void bytes_roundTripAndCopy(@ForAll byte[] bytes) throws IOException {
        Serializer<byte[]> s = Serializers.bytes();
        byte[] written = s.serialize(bytes);
        assertThat(s.deserialize(written)).isEqualTo(bytes).isNotSameAs(bytes);
    }

    @Property
    void json_roundTripsRecords(@ForAll String name, @ForAll double x, @ForAll List<Integer> tags) throws IOException {
        Serializer<Point> s = Serializers.json(Point.class);
        Point p = new Point(name, x, tags, Map.of("b", "2", "a", "1"));
        assertThat(s.deserialize(s.serialize(p))).isEqualTo(p);
    }

    @Test
    void json_isCanonical_soEqualValuesHaveEqualFingerprints() throws IOException {
        Serializer<Point> s = Serializers.json(Point.class);
        Map<String, String> one = new java.util.LinkedHashMap<>();
        one.put("b", "2");
        one.put("a", "1");
        Map<String, String> other = new java.util.TreeMap<>(one);
        assertThat(s.serialize(new Point("p", 1, List.of(), one))).isEqualTo(s.serialize(new Point("p", 1, List.of(),
                other)));
        assertThat(new String(s.serialize(new Point("p", 1, List.of(), one)), java.nio.charset.StandardCharsets.UTF_8))
                .contains("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void defaults_followTheType(@TempDir Path dir) throws IOException {
        assertThat(Slot.of("b", byte[].class).serializerId()).isEqualTo("bytes");
        assertThat(Slot.of("s", String.class).serializerId()).isEqualTo("string/utf-8");
        assertThat(Slot.of("f", Path.class).serializerId()).isEqualTo("file");
        assertThat(Slot.of("j", Point.class).serializerId()).isEqualTo("json/" + Point.class.getName());
        assertThat(Slot.transientOf("t", Object.class).isPersistent()).isFalse();
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        Serializer<Path> s = Serializers.file();
        assertThat(s.storesByReference()).isTrue();
        assertThat(s.deserialize(s.serialize(file))).isEqualTo(file.toAbsolutePath());
    }
}
