package dev.mlops4j.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassFilesTest {
    /** Referenced only as an array element type. */
    static final class Element {
    }

    /** Referenced only by a static call. */
    static final class Called {
        static long twice(long v) {
            return 2 * v;
        }
    }

    /** Long and double constants take two pool slots; a parser that forgot would misread everything after them. */
    static final class Sample {
        static final long BIG = 1L << 40;
        static final double RATIO = 0.123456789;

        Object run(long v) {
            Element[][] grid = new Element[2][2];
            int[] numbers = new int[] {1, 2};
            return List.of(grid, numbers, Called.twice(v + BIG) * RATIO, "text");
        }
    }

    @Test
    void referencedClasses_sampleWithWideConstantsAndArrays_namesEveryClassEntry() throws IOException {
        assertThat(ClassFiles.referencedClasses(bytes(Sample.class))).contains(
                "dev/mlops4j/pipeline/internal/ClassFilesTest$Sample",
                "dev/mlops4j/pipeline/internal/ClassFilesTest$Element",
                "dev/mlops4j/pipeline/internal/ClassFilesTest$Called",
                "java/util/List", "java/lang/Object")
                .noneMatch(n -> n.startsWith("[") || n.endsWith(";"));
    }

    @Test
    void referencedClasses_notAClassFile_isEmpty() {
        assertThat(ClassFiles.referencedClasses(new byte[] {1, 2, 3})).isEmpty();
        assertThat(ClassFiles.referencedClasses(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0,
                0, 61, 0, 3, 99})).isEmpty();
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }
}
