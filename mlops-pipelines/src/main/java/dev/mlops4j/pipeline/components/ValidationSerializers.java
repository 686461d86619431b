package dev.mlops4j.pipeline.components;

import dev.mlops4j.pipeline.Serializer;
import dev.mlops4j.validation.drift.DriftReport;
import dev.mlops4j.validation.profile.Profile;
import dev.mlops4j.validation.report.ValidationReport;
import dev.mlops4j.validation.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Serializers of the data-validation types, in their own versioned JSON formats. */
public final class ValidationSerializers {
    private ValidationSerializers() {
    }

    /** @return profiles as {@link Profile#toJson()} */
    public static Serializer<Profile> profile() {
        return json("validation-profile", Profile::toJson, Profile::fromJson);
    }

    /** @return schemas as {@link Schema#toJson()} */
    public static Serializer<Schema> schema() {
        return json("validation-schema", Schema::toJson, Schema::fromJson);
    }

    /** @return validation reports as {@link ValidationReport#toJson()} */
    public static Serializer<ValidationReport> validationReport() {
        return json("validation-report", ValidationReport::toJson, ValidationReport::fromJson);
    }

    /** @return drift reports as {@link DriftReport#toJson()} */
    public static Serializer<DriftReport> driftReport() {
        return json("drift-report", DriftReport::toJson, DriftReport::fromJson);
    }

    private static <T> Serializer<T> json(String id, Function<T, String> write, Function<String, T> read) {
        return new Serializer<>() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public byte[] serialize(T value) {
                return write.apply(value).getBytes(StandardCharsets.UTF_8);
            }

            @Override
            public T deserialize(byte[] bytes) {
                return read.apply(new String(bytes, StandardCharsets.UTF_8));
            }
        };
    }
}
