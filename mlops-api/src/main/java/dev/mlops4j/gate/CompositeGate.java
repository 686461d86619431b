package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The usual {@link Gate}: a name and a list of conditions. */
final class CompositeGate implements Gate {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,100}");

    private final String name;
    private final List<Condition> conditions;

    CompositeGate(String name, List<Condition> conditions) {
        this.name = checkName(name);
        this.conditions = List.copyOf(conditions);
    }

    static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("gate name '" + name + "' is not allowed; use 1 to 100 letters, digits,"
                    + " '_', '-' or '.' (it becomes part of tag and artifact names)");
        }
        return name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Condition> conditions() {
        return conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompositeGate g && g.name.equals(name) && g.conditions.equals(conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, conditions);
    }

    @Override
    public String toString() {
        return "Gate '" + name + "': " + (conditions.isEmpty() ? "(no conditions)"
                : conditions.stream().map(Condition::describe).collect(Collectors.joining(" and ")));
    }
}
