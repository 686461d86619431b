package dev.mlops4j.tribuo.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the class names a protobuf message names anywhere inside it, without knowing its schema.
 *
 * <p>Tribuo's model files nest messages inside {@code google.protobuf.Any} fields, each with a {@code class_name}
 * that deserialization resolves with {@code Class.forName} (running static initializers) before checking anything;
 * provenance entries name classes the same way. To check them all before deserializing, we walk the raw wire
 * format: every length-delimited field is both read as text (collected if it looks like a class name) and parsed
 * as a nested message (walked if that succeeds). This over-approximates on purpose: a string that merely looks like
 * a class name is reported too, and the caller only refuses names that actually resolve to a class.
 */
public final class ClassNameScanner {
    // Java binary names with at least one package segment, including nested classes ($).
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)+");
    // Deeper nesting than Tribuo ever writes; a bound keeps hostile inputs from recursing without end.
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NAME_LENGTH = 1000;

    private ClassNameScanner() {
    }

    /**
     * @param message a serialized protobuf message
     * @return every string in it that looks like a Java class name, in the order found, without duplicates
     */
    public static List<String> scan(byte[] message) {
        Set<String> found = new LinkedHashSet<>();
        walk(ByteString.copyFrom(message), 0, found);
        return new ArrayList<>(found);
    }

    private static void walk(ByteString bytes, int depth, Set<String> found) {
        if (depth > MAX_DEPTH || bytes.isEmpty()) {
            return;
        }
        UnknownFieldSet fields;
        try {
            fields = UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return; // not a message: it was a string or packed numbers
        }
        for (Map.Entry<Integer, UnknownFieldSet.Field> e : fields.asMap().entrySet()) {
            for (ByteString value : e.getValue().getLengthDelimitedList()) {
                if (value.size() <= MAX_NAME_LENGTH && value.isValidUtf8()) {
                    String s = value.toStringUtf8();
                    if (CLASS_NAME.matcher(s).matches()) {
                        found.add(s);
                    }
                }
                walk(value, depth + 1, found);
            }
            for (UnknownFieldSet group : e.getValue().getGroupList()) {
                walk(group.toByteString(), depth + 1, found);
            }
        }
    }
}
