package dev.mlops4j.model;

import java.util.Objects;

/**
 * The artifact layout a {@link ModelFlavor} reads and writes: the file that holds the model inside the model's
 * artifact directory (next to {@link ModelDescriptor#FILE_NAME}).
 *
 * @param fileName the model file's name, e.g. {@code model.tribuo}
 * @param mediaType its media type, e.g. {@code application/x-protobuf}
 * @param description what the bytes are, e.g. {@code "Tribuo ModelProto (protobuf), never Java serialization"}
 */
public record ModelFormat(String fileName, String mediaType, String description) {
    public ModelFormat {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(description, "description");
    }
}
