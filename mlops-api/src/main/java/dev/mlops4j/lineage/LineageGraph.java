package dev.mlops4j.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A lineage graph around one artifact: the artifacts and executions reachable from it upstream (what it was made
 * from) or downstream (what was made from it), and the events joining them.
 *
 * <pre>{@code
 * LineageGraph g = mlops.lineage().upstreamOfModel("wine", 3);
 * System.out.println(g.toText());      // an indented tree
 * Files.writeString(Path.of("wine.dot"), g.toDot());   // dot -Tsvg wine.dot > wine.svg
 * }</pre>
 *
 * @param root the artifact the graph starts from
 * @param direction whether it follows producers (upstream) or consumers (downstream)
 * @param artifacts every artifact in the graph, by id
 * @param executions every execution in the graph, by id
 * @param events every event joining them
 */
public record LineageGraph(Artifact root, Direction direction, Map<String, Artifact> artifacts,
                           Map<String, Execution> executions, List<Event> events) {

    /** Which way a graph was walked. */
    public enum Direction {
        /** From an artifact to the executions that produced it and their inputs. */
        UPSTREAM,
        /** From an artifact to the executions that read it and their outputs. */
        DOWNSTREAM
    }

    /** Copies the collections. */
    public LineageGraph {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(direction, "direction");
        artifacts = Map.copyOf(artifacts);
        executions = Map.copyOf(executions);
        events = List.copyOf(events);
    }

    /** @param type an artifact type @return the artifacts of that type in the graph, oldest first */
    public List<Artifact> artifactsOfType(String type) {
        return artifacts.values().stream().filter(a -> a.type().equals(type))
                .sorted(Comparator.comparing(Artifact::createdAt).thenComparing(Artifact::id)).toList();
    }

    /** @param type an execution type @return the executions of that type in the graph, oldest first */
    public List<Execution> executionsOfType(String type) {
        return executions.values().stream().filter(e -> e.type().equals(type))
                .sorted(Comparator.comparing(Execution::startedAt).thenComparing(Execution::id)).toList();
    }

    /**
     * What JShell, a notebook cell or a log line shows: a summary line, then the tree of {@link #toText()} (the
     * record's default would print every artifact, execution and event as one line of field dumps).
     *
     * @return e.g. {@code Upstream lineage of ModelVersion models:/wine/3: 9 artifacts, 8 executions} and the tree
     */
    @Override
    public String toString() {
        return (direction == Direction.UPSTREAM ? "Upstream" : "Downstream") + " lineage of " + root.type() + " "
                + root.uri() + ": " + count(artifacts.size(), "artifact") + ", "
                + count(executions.size(), "execution") + "\n" + toText();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The graph as an indented tree from the root: for upstream, each artifact lists the executions that produced it
     * and under each its inputs; for downstream, the executions that read it and their outputs. A node reached again
     * is printed once more with {@code (see above)} instead of its subtree.
     *
     * @return the tree, one node a line
     */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append(describe(root)).append('\n');
        artifactChildren(root, "", new HashSet<>(), out);
        return out.toString();
    }

    private void artifactChildren(Artifact artifact, String indent, Set<String> seen, StringBuilder out) {
        EventType towardsExecution = direction == Direction.UPSTREAM ? EventType.OUTPUT : EventType.INPUT;
        List<Event> links = sortedEvents(e -> e.artifactId().equals(artifact.id()) && e.type() == towardsExecution
                && executions.containsKey(e.executionId()), Event::executionId);
        for (int i = 0; i < links.size(); i++) {
            Event link = links.get(i);
            boolean last = i == links.size() - 1;
            Execution execution = executions.get(link.executionId());
            String verb = direction == Direction.UPSTREAM ? "<- " : "-> ";
            out.append(indent).append(last ? "└─ " : "├─ ").append(verb).append(describe(execution))
                    .append(" as '").append(link.name()).append('\'');
            String next = indent + (last ? "   " : "│  ");
            if (!seen.add(execution.id())) {
                out.append(" (see above)\n");
                continue;
            }
            out.append('\n');
            EventType towardsArtifact = direction == Direction.UPSTREAM ? EventType.INPUT : EventType.OUTPUT;
            List<Event> edges = sortedEvents(e -> e.executionId().equals(execution.id())
                    && e.type() == towardsArtifact && artifacts.containsKey(e.artifactId()), Event::name);
            for (int j = 0; j < edges.size(); j++) {
                Event edge = edges.get(j);
                boolean lastEdge = j == edges.size() - 1;
                Artifact a = artifacts.get(edge.artifactId());
                out.append(next).append(lastEdge ? "└─ " : "├─ ").append(edge.name()).append(": ").append(describe(a));
                if (!seen.add("a" + a.id())) {
                    out.append(" (see above)\n");
                    continue;
                }
                out.append('\n');
                artifactChildren(a, next + (lastEdge ? "   " : "│  "), seen, out);
            }
        }
    }

    private List<Event> sortedEvents(java.util.function.Predicate<Event> filter,
                                     java.util.function.Function<Event, String> key) {
        List<Event> selected = new ArrayList<>();
        for (Event e : events) {
            if (filter.test(e)) {
                selected.add(e);
            }
        }
        selected.sort(Comparator.comparing(key).thenComparing(Event::time));
        return selected;
    }

    private static String describe(Artifact a) {
        return a.type() + " " + a.uri() + " [sha256 " + a.fingerprint().substring(0, 12)
                + (a.state() == ArtifactState.DELETED ? ", DELETED" : "") + "]";
    }

    private static String describe(Execution e) {
        return e.type() + " [" + e.state() + (e.runId().isEmpty() ? "" : ", run " + e.runId()) + "]";
    }

    /**
     * The graph in Graphviz DOT: artifacts as boxes (dashed when deleted), executions as ellipses (coloured by
     * state), inputs as edges artifact → execution and outputs as execution → artifact, labelled with the names.
     *
     * @return a {@code digraph} document
     */
    public String toDot() {
        StringBuilder out = new StringBuilder("digraph lineage {\n  rankdir=LR;\n");
        Map<String, Artifact> sortedArtifacts = new LinkedHashMap<>();
        artifacts.values().stream().sorted(Comparator.comparing(Artifact::id))
                .forEach(a -> sortedArtifacts.put(a.id(), a));
        for (Artifact a : sortedArtifacts.values()) {
            out.append("  \"a_").append(a.id()).append("\" [shape=box")
                    .append(a.state() == ArtifactState.DELETED ? ", style=dashed" : "")
                    .append(a.id().equals(root.id()) ? ", penwidth=2" : "")
                    .append(", label=\"").append(escape(a.type() + "\n" + a.uri() + "\n" + a.fingerprint()
                            .substring(0, 12))).append("\"];\n");
        }
        executions.values().stream().sorted(Comparator.comparing(Execution::id)).forEach(e ->
                out.append("  \"e_").append(e.id()).append("\" [shape=ellipse, color=").append(colour(e.state()))
                        .append(", label=\"").append(escape(e.type() + "\n" + e.state())).append("\"];\n"));
        events.stream().filter(e -> artifacts.containsKey(e.artifactId()) && executions.containsKey(e.executionId()))
                .sorted(Comparator.comparing(Event::executionId).thenComparing(Event::type).thenComparing(Event::name))
                .forEach(e -> {
                    String a = "\"a_" + e.artifactId() + "\"";
                    String x = "\"e_" + e.executionId() + "\"";
                    out.append("  ").append(e.type() == EventType.INPUT ? a + " -> " + x : x + " -> " + a)
                            .append(" [label=\"").append(escape(e.name())).append("\"];\n");
                });
        return out.append("}\n").toString();
    }

    private static String colour(ExecutionState state) {
        return switch (state) {
            case COMPLETE -> "darkgreen";
            case CACHED -> "blue";
            case FAILED -> "red";
            case CANCELED -> "orange";
            case NEW, RUNNING -> "gray";
        };
    }

    /** Escapes a DOT double-quoted string; newlines become DOT line breaks. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> { }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
