package dev.mlops4j.model;

import dev.mlops4j.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The classes a model file may name. Model formats that store class names (Tribuo's protobuf files do) are
 * checked against the list before anything is deserialized, because resolving a class runs its static
 * initializer.
 *
 * <p>A pattern is either a fully qualified class name ({@code org.tribuo.classification.sgd.linear.LinearSGDModel})
 * or a package followed by {@code .*}, which allows every class in that package and its subpackages
 * ({@code org.tribuo.*}). There is no allow-everything pattern on purpose.
 *
 * @param patterns the patterns, in the order given
 */
public record ClassAllowList(List<String> patterns) {
    private static final Pattern PATTERN =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*(\\.\\*)?");

    public ClassAllowList {
        patterns = List.copyOf(Objects.requireNonNull(patterns, "patterns"));
        for (String p : patterns) {
            if (p == null || !PATTERN.matcher(p).matches()) {
                throw new InvalidInputException("allow-list pattern '" + p + "' is not a class name or a package"
                        + " followed by '.*' (e.g. 'org.tribuo.*')");
            }
        }
    }

    /**
     * @param patterns class names or {@code package.*} patterns
     * @return the allow-list
     */
    public static ClassAllowList of(String... patterns) {
        return new ClassAllowList(Arrays.asList(patterns));
    }

    /**
     * @param className a fully qualified class name
     * @return true if a pattern allows it
     */
    public boolean allows(String className) {
        if (className == null || className.isEmpty()) {
            return false;
        }
        for (String p : patterns) {
            if (p.endsWith(".*") ? className.startsWith(p.substring(0, p.length() - 1)) : className.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param more further patterns
     * @return an allow-list with these patterns added
     */
    public ClassAllowList plus(String... more) {
        List<String> all = new ArrayList<>(patterns);
        all.addAll(Arrays.asList(more));
        return new ClassAllowList(all);
    }
}
