package dev.mlops4j.pipeline;

import dev.mlops4j.Mlops;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An immutable, checked graph of steps, connected by the names of their inputs and outputs. Build one with
 * {@link #builder(String)}, run it with {@link #on(Mlops)}:
 *
 * <pre>{@code
 * Pipeline wine = Pipeline.builder("wine")
 *         .input(CSV)                       // provided when run
 *         .step(load).step(profile).step(validate).step(train).step(evaluate)
 *         .build();                         // checks the graph: missing inputs, duplicate outputs, cycles
 * PipelineResult result = wine.on(mlops).input(CSV, Path.of("wine.csv")).run();
 * PipelineResult again = wine.on(mlops).input(CSV, Path.of("wine.csv")).run();   // every step CACHED
 * }</pre>
 *
 * Slices ({@link #fromSteps}, {@link #toOutputs}, {@link #onlyTags}) are pipelines too; inputs their steps need from
 * steps left out are read from the latest outputs those steps recorded.
 */
public final class Pipeline {
    private final String name;
    private final List<Step> steps;
    private final Map<String, Slot<?>> externalInputs;
    private final Map<String, String> slicedInputs;
    private final Map<String, Step> byName;
    private final Map<String, Step> producers;

    Pipeline(String name, List<Step> steps, Map<String, Slot<?>> externalInputs, Map<String, String> slicedInputs) {
        this.name = name;
        // Insertion order is declaration order: inputs are imported, and reported, in the order they were declared.
        this.externalInputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(externalInputs));
        this.slicedInputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slicedInputs));
        Map<String, Step> names = new LinkedHashMap<>();
        Map<String, Step> produced = new LinkedHashMap<>();
        Map<String, Slot<?>> slots = new LinkedHashMap<>();
        externalInputs.values().forEach(s -> slots.put(s.name(), s));
        for (Step s : steps) {
            if (names.put(s.name(), s) != null) {
                throw new PipelineDefinitionException("pipeline '" + name + "' has two steps named '" + s.name()
                        + "'; step names must be unique");
            }
            for (Slot<?> o : s.outputs()) {
                Step other = produced.put(o.name(), s);
                if (other != null) {
                    throw new PipelineDefinitionException("output '" + o.name() + "' is produced by both step '"
                            + other.name() + "' and step '" + s.name() + "' in pipeline '" + name + "'; each data set"
                            + " needs exactly one producer, so rename one of the outputs");
                }
                if (externalInputs.containsKey(o.name())) {
                    throw new PipelineDefinitionException("output '" + o.name() + "' of step '" + s.name() + "' is"
                            + " also declared as a pipeline input; remove the input declaration or rename the output");
                }
                checkSameSlot(slots, o, s);
            }
        }
        for (Step s : steps) {
            for (Slot<?> in : s.inputs()) {
                checkSameSlot(slots, in, s);
                if (!produced.containsKey(in.name()) && !externalInputs.containsKey(in.name())) {
                    throw new PipelineDefinitionException("step '" + s.name() + "' needs input '" + in.name()
                            + "', but no step of pipeline '" + name + "' produces it" + hint(in.name(), produced)
                            + "; add a step with .output(" + in.name() + ") or declare it as a pipeline input with"
                            + " Pipeline.builder(\"" + name + "\").input(" + in.name() + ")");
                }
            }
        }
        this.byName = names;
        this.producers = produced;
        this.steps = topologicalOrder(steps);
    }

    private static String hint(String missing, Map<String, Step> produced) {
        List<String> close = produced.keySet().stream()
                .filter(p -> p.equalsIgnoreCase(missing) || p.contains(missing) || missing.contains(p)).toList();
        return close.isEmpty() ? "" : " (did you mean " + close.stream().map(c -> "'" + c + "'")
                .collect(Collectors.joining(" or ")) + "?)";
    }

    private void checkSameSlot(Map<String, Slot<?>> slots, Slot<?> slot, Step step) {
        Slot<?> known = slots.putIfAbsent(slot.name(), slot);
        if (known != null && !known.equals(slot)) {
            throw new PipelineDefinitionException("data set '" + slot.name() + "' is declared as " + known.type()
                    .getName() + " (" + known.serializerId() + ") elsewhere but as " + slot.type().getName() + " ("
                    + slot.serializerId() + ") by step '" + step.name() + "' in pipeline '" + name + "'; share one"
                    + " Slot constant between producer and consumers");
        }
    }

    /** Kahn's algorithm in declaration order, so independent steps keep the order they were added in. */
    private List<Step> topologicalOrder(List<Step> declared) {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (Step s : declared) {
            Set<String> deps = new LinkedHashSet<>();
            for (Slot<?> in : s.inputs()) {
                Step p = producers.get(in.name());
                if (p != null) {
                    deps.add(p.name());
                }
            }
            dependsOn.put(s.name(), deps);
        }
        List<Step> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (order.size() < declared.size() && progress) {
            progress = false;
            for (Step s : declared) {
                if (!done.contains(s.name()) && done.containsAll(dependsOn.get(s.name()))) {
                    order.add(s);
                    done.add(s.name());
                    progress = true;
                }
            }
        }
        if (order.size() < declared.size()) {
            throw new PipelineDefinitionException("pipeline '" + name + "' has a cycle: " + findCycle(dependsOn, done)
                    + "; a step cannot depend, directly or not, on its own output");
        }
        return List.copyOf(order);
    }

    private String findCycle(Map<String, Set<String>> dependsOn, Set<String> done) {
        String start = dependsOn.keySet().stream().filter(s -> !done.contains(s)).findFirst().orElseThrow();
        List<String> path = new ArrayList<>();
        String current = start;
        while (!path.contains(current)) {
            path.add(current);
            String from = current;
            current = dependsOn.get(current).stream().filter(d -> !done.contains(d)).findFirst().orElseThrow(
                    () -> new IllegalStateException("no cycle through " + from));
        }
        List<String> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        cycle.add(current);
        java.util.Collections.reverse(cycle);
        return cycle.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" -> "));
    }

    /** @param name the pipeline's name (its lineage context and default experiment) @return a builder */
    public static PipelineBuilder builder(String name) {
        return new PipelineBuilder(name);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the steps in an order where every producer precedes its consumers */
    public List<Step> steps() {
        return steps;
    }

    /** @param stepName a step name @return the step, if it is in this pipeline */
    public Optional<Step> step(String stepName) {
        return Optional.ofNullable(byName.get(stepName));
    }

    /** @return the inputs provided when the pipeline is run, by name */
    public Map<String, Slot<?>> inputs() {
        return externalInputs;
    }

    /**
     * @return for slices: inputs produced by steps outside the slice, by name, with the producing step's name; they
     *     are read from that step's latest recorded outputs
     */
    public Map<String, String> slicedInputs() {
        return slicedInputs;
    }

    /** @param slotName a data set name @return the step of this pipeline producing it, if any */
    public Optional<Step> producerOf(String slotName) {
        return Optional.ofNullable(producers.get(slotName));
    }

    /**
     * @param stepNames steps to start from
     * @return those steps and everything downstream of them
     * @throws PipelineDefinitionException if a name is not a step of this pipeline
     */
    public Pipeline fromSteps(String... stepNames) {
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(checkSteps(stepNames));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (keep.add(s)) {
                for (Slot<?> out : byName.get(s).outputs()) {
                    steps.stream().filter(c -> c.inputs().stream().anyMatch(i -> i.name().equals(out.name())))
                            .forEach(c -> queue.add(c.name()));
                }
            }
        }
        return slice(keep);
    }

    /**
     * @param outputs data sets to produce
     * @return the steps producing them and everything upstream
     * @throws PipelineDefinitionException if no step of this pipeline produces one of them
     */
    public Pipeline toOutputs(Slot<?>... outputs) {
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        for (Slot<?> o : outputs) {
            Step p = producers.get(o.name());
            if (p == null) {
                throw new PipelineDefinitionException("no step of pipeline '" + name + "' produces '" + o.name()
                        + "'; its outputs are " + producers.keySet());
            }
            queue.add(p.name());
        }
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (keep.add(s)) {
                for (Slot<?> in : byName.get(s).inputs()) {
                    Step p = producers.get(in.name());
                    if (p != null) {
                        queue.add(p.name());
                    }
                }
            }
        }
        return slice(keep);
    }

    /**
     * @param tags tags
     * @return only the steps having at least one of them
     * @throws PipelineDefinitionException if no step has any of them
     */
    public Pipeline onlyTags(String... tags) {
        Set<String> wanted = Set.of(tags);
        Set<String> keep = new LinkedHashSet<>();
        steps.stream().filter(s -> s.tags().stream().anyMatch(wanted::contains)).forEach(s -> keep.add(s.name()));
        if (keep.isEmpty()) {
            throw new PipelineDefinitionException("no step of pipeline '" + name + "' has any of the tags "
                    + Arrays.toString(tags) + "; tags in use: " + steps.stream().flatMap(s -> s.tags().stream())
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        return slice(keep);
    }

    private List<String> checkSteps(String... stepNames) {
        for (String s : stepNames) {
            if (!byName.containsKey(Objects.requireNonNull(s, "step name"))) {
                throw new PipelineDefinitionException("pipeline '" + name + "' has no step '" + s + "'; its steps are "
                        + byName.keySet());
            }
        }
        return List.of(stepNames);
    }

    private Pipeline slice(Set<String> keep) {
        List<Step> kept = steps.stream().filter(s -> keep.contains(s.name())).toList();
        Map<String, Slot<?>> external = new LinkedHashMap<>();
        Map<String, String> sliced = new LinkedHashMap<>();
        for (Step s : kept) {
            for (Slot<?> in : s.inputs()) {
                Step p = producers.get(in.name());
                if (p == null) {
                    external.put(in.name(), externalInputs.get(in.name()));
                } else if (!keep.contains(p.name())) {
                    external.put(in.name(), in);
                    sliced.put(in.name(), slicedInputs.getOrDefault(in.name(), p.name()));
                }
            }
        }
        slicedInputs.forEach((k, v) -> {
            if (external.containsKey(k)) {
                sliced.put(k, v);
            }
        });
        return new Pipeline(name, kept, external, sliced);
    }

    /**
     * @param mlops where runs and lineage are recorded
     * @return the settings of a run of this pipeline; {@code run()} executes it
     */
    public PipelineExecution on(Mlops mlops) {
        return new PipelineExecution(this, mlops);
    }

    /** @return name and steps in execution order */
    @Override
    public String toString() {
        return "Pipeline " + name + steps.stream().map(Step::name).toList();
    }
}
