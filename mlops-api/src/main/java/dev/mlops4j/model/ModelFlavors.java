package dev.mlops4j.model;

import dev.mlops4j.NotFoundException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The {@link ModelFlavor}s available: discovered with {@link ServiceLoader} or given explicitly. Discovery reports
 * what it found, including providers that failed to load, instead of hiding them:
 *
 * <pre>{@code
 * ModelFlavors flavors = ModelFlavors.discover();
 * System.out.println(flavors);   // "model flavors: tribuo (dev.mlops4j.tribuo.TribuoModelFlavor)"
 * }</pre>
 *
 * <p>When two flavors share an id the first one found wins and the other is reported as a problem.
 */
public final class ModelFlavors {
    private final Map<String, ModelFlavor> flavors;
    private final List<String> problems;

    private ModelFlavors(Map<String, ModelFlavor> flavors, List<String> problems) {
        this.flavors = flavors;
        this.problems = List.copyOf(problems);
    }

    /**
     * @return the flavors registered on the class path of the thread's context class loader (or, without one, of
     *     this library's loader)
     */
    public static ModelFlavors discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : ModelFlavors.class.getClassLoader());
    }

    /**
     * @param loader where to look for {@code META-INF/services/dev.mlops4j.model.ModelFlavor}
     * @return the flavors found
     */
    public static ModelFlavors discover(ClassLoader loader) {
        Map<String, ModelFlavor> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Iterator<ModelFlavor> it = ServiceLoader.load(ModelFlavor.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                add(found, problems, it.next());
            } catch (ServiceConfigurationError e) {
                // A broken provider must not hide the working ones behind it.
                problems.add("broken model flavor provider: " + e.getMessage());
            }
        }
        return new ModelFlavors(found, problems);
    }

    /**
     * @param flavors flavors to use, without discovery
     * @return them, first of an id winning
     */
    public static ModelFlavors of(ModelFlavor... flavors) {
        Map<String, ModelFlavor> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModelFlavor f : flavors) {
            add(found, problems, Objects.requireNonNull(f, "flavor"));
        }
        return new ModelFlavors(found, problems);
    }

    private static void add(Map<String, ModelFlavor> found, List<String> problems, ModelFlavor flavor) {
        ModelFlavor earlier = found.putIfAbsent(flavor.id(), flavor);
        if (earlier != null) {
            problems.add("model flavor id '" + flavor.id() + "' of " + flavor.getClass().getName()
                    + " is already taken by " + earlier.getClass().getName() + "; ignored");
        }
    }

    /** @return the flavors, in discovery order */
    public List<ModelFlavor> all() {
        return List.copyOf(flavors.values());
    }

    /** @return the flavor ids, in discovery order */
    public List<String> ids() {
        return List.copyOf(flavors.keySet());
    }

    /** @return providers that failed to load and duplicate ids, as messages */
    public List<String> problems() {
        return problems;
    }

    /**
     * @param id a flavor id
     * @return the flavor, if present
     */
    public Optional<ModelFlavor> find(String id) {
        return Optional.ofNullable(flavors.get(id));
    }

    /**
     * @param id a flavor id
     * @return the flavor
     * @throws NotFoundException if there is none; the message lists what was found and why others failed
     */
    public ModelFlavor get(String id) {
        ModelFlavor f = flavors.get(id);
        if (f == null) {
            throw new NotFoundException("no model flavor '" + id + "' on the class path; " + this
                    + ". Add the module that provides it (e.g. dev.mlops4j:mlops-tribuo for 'tribuo')");
        }
        return f;
    }

    /**
     * @param model a framework object
     * @return the first flavor that can save it
     */
    public Optional<ModelFlavor> forModel(Object model) {
        return flavors.values().stream().filter(f -> f.canSave(model)).findFirst();
    }

    /** @return what was found and what failed, for logs and error messages */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("model flavors: ");
        if (flavors.isEmpty()) {
            sb.append("none");
        }
        boolean first = true;
        for (ModelFlavor f : flavors.values()) {
            sb.append(first ? "" : ", ").append(f.id()).append(" (").append(f.getClass().getName()).append(')');
            first = false;
        }
        if (!problems.isEmpty()) {
            sb.append("; problems: ").append(String.join("; ", problems));
        }
        return sb.toString();
    }
}
