package dev.mlops4j.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Run attributes that a filter or an ordering can name as {@code attributes.<name>} (or, for
 * {@code status} and {@code run_name}, without the prefix). Names and aliases follow MLflow.
 */
public enum Attribute {
    /** Run id (string). */
    RUN_ID(false, "run_id", "id"),
    /** Run name (string). */
    RUN_NAME(false, "run_name"),
    /** Status name: RUNNING, FINISHED, FAILED, KILLED (string). */
    STATUS(false, "status"),
    /** User who ran it (string). */
    USER(false, "user", "user_id"),
    /** Start time in epoch milliseconds (number). */
    START_TIME(true, "start_time", "created"),
    /** End time in epoch milliseconds (number, null while running). */
    END_TIME(true, "end_time"),
    /** Experiment id (string). */
    EXPERIMENT_ID(false, "experiment_id"),
    /** Parent run id of a nested run (string, null for top-level runs). */
    PARENT_RUN_ID(false, "parent_run_id");

    private final boolean numeric;
    private final String[] names;

    Attribute(boolean numeric, String... names) {
        this.numeric = numeric;
        this.names = names;
    }

    /** @return true if compared as a number (times), false if compared as a string */
    public boolean isNumeric() {
        return numeric;
    }

    /** @return the canonical name used in filters, e.g. {@code start_time} */
    public String canonicalName() {
        return names[0];
    }

    /** @return every name the attribute answers to in filters (case-insensitive), the canonical one first */
    public List<String> names() {
        return List.of(names);
    }

    /**
     * @param name a name as written in a filter (case-insensitive)
     * @return the attribute, if the name is known
     */
    public static Optional<Attribute> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> Arrays.asList(a.names).contains(n)).findFirst();
    }
}
