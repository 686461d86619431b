package dev.mlops4j.pipeline.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the classes a class file names in its constant pool (JVMS 4.4): every {@code CONSTANT_Class} entry. The
 * bytecode reaches another class only through such an entry: its super class and interfaces, {@code new}, calls of
 * its methods and uses of its fields (whose owner is a class entry), casts, {@code instanceof}, class literals,
 * caught exceptions, the owners of method handles behind lambdas and method references, nest and inner-class
 * attributes. Types that only appear in descriptors (a parameter type whose methods this class never calls) are not
 * class entries, and need not be: calling them happens in some class that names them.
 */
final class ClassFiles {
    private static final int MAGIC = 0xCAFEBABE;

    private ClassFiles() {
    }

    /**
     * @param classFile the bytes of a class file
     * @return the internal names ({@code a/b/C}) of the classes it references, array element types unwrapped and
     *     primitive arrays left out; empty if the bytes are not a class file this parser understands
     */
    static Set<String> referencedClasses(byte[] classFile) {
        try {
            return parse(classFile);
        } catch (IOException | RuntimeException e) {
            // Not a class file we can read (a future constant tag, damaged bytes): its own bytes still count in the
            // fingerprint, only its references are not followed.
            return Set.of();
        }
    }

    private static Set<String> parse(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            return Set.of();
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        ArrayList<Integer> classNameIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // Utf8: modified UTF-8; class names are plain enough that UTF-8 decoding reads them
                    byte[] bytes = new byte[in.readUnsignedShort()];
                    in.readFully(bytes);
                    utf8[i] = new String(bytes, StandardCharsets.UTF_8);
                }
                case 7 -> classNameIndexes.add(in.readUnsignedShort()); // Class
                case 8, 16, 19, 20 -> in.skipBytes(2); // String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
                case 5, 6 -> { // Long and Double take two slots
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at index " + i);
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNameIndexes) {
            String name = elementType(utf8[index]);
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** A class entry names a class ({@code a/b/C}) or an array type ({@code [[La/b/C;}, {@code [I}). */
    private static String elementType(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        return name.charAt(dims) == 'L' && name.endsWith(";") ? name.substring(dims + 1, name.length() - 1) : null;
    }
}
