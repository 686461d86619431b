package dev.mlops4j.core.internal;

import dev.mlops4j.Experiment;
import dev.mlops4j.NotFoundException;
import dev.mlops4j.Run;
import dev.mlops4j.RunBody;
import dev.mlops4j.RunFunction;
import dev.mlops4j.RunQuery;
import dev.mlops4j.RunStarter;
import dev.mlops4j.tracking.ExperimentInfo;
import java.util.List;
import java.util.Objects;

/** A lightweight handle on a stored experiment; every read goes to the store, so it is never stale. */
final class CoreExperiment implements Experiment {
    private final CoreMlops mlops;
    private final String id;
    private final String name;

    CoreExperiment(CoreMlops mlops, String id, String name) {
        this.mlops = mlops;
        this.id = id;
        this.name = name;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ExperimentInfo info() {
        mlops.ensureOpen();
        return mlops.store().findExperiment(id).orElseThrow(() -> new NotFoundException("experiment '" + name
                + "' (id " + id + ") no longer exists in " + mlops.store().description()));
    }

    @Override
    public Experiment description(String text) {
        mlops.ensureOpen();
        Checks.text("experiment description", text, Checks.MAX_DESCRIPTION_LENGTH);
        mlops.store().setExperimentDescription(id, text);
        return this;
    }

    @Override
    public Experiment tag(String key, String value) {
        mlops.ensureOpen();
        Checks.userTag(key, value);
        mlops.store().setExperimentTag(id, key, value);
        return this;
    }

    @Override
    public Run startRun() {
        return newRun().start();
    }

    @Override
    public Run startRun(String runName) {
        return newRun().name(runName).start();
    }

    @Override
    public RunStarter newRun() {
        mlops.ensureOpen();
        return new CoreRunStarter(mlops, id);
    }

    @Override
    public <E extends Exception> String run(String runName, RunBody<E> body) throws E {
        Objects.requireNonNull(body, "body");
        CoreRun run = (CoreRun) startRun(runName);
        run.execute(r -> {
            body.accept(r);
            return null;
        });
        return run.id();
    }

    @Override
    public <T, E extends Exception> T call(String runName, RunFunction<T, E> body) throws E {
        Objects.requireNonNull(body, "body");
        CoreRun run = (CoreRun) startRun(runName);
        return run.execute(body);
    }

    @Override
    public RunQuery searchRuns() {
        mlops.ensureOpen();
        return CoreRunQuery.of(mlops, List.of(id));
    }

    @Override
    public String toString() {
        return "Experiment[" + id + " '" + name + "']";
    }
}
