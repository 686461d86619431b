package dev.mlops4j.core.internal;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Run;
import dev.mlops4j.RunStarter;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.RunInfo;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Collects the options of a new run; checks them all when {@link #start()} is called, before anything is stored. */
final class CoreRunStarter implements RunStarter {
    /** What {@link #id} accepts: the form of the ids mlops4j chooses. */
    static final java.util.regex.Pattern RUN_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");
    private final CoreMlops mlops;
    private final String experimentId;
    private String runName = "";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String user;
    private String source;
    private String parentRunId;
    private String runId;
    private java.time.Instant startTime;

    CoreRunStarter(CoreMlops mlops, String experimentId) {
        this.mlops = mlops;
        this.experimentId = experimentId;
        this.user = mlops.config().user();
    }

    @Override
    public RunStarter name(String runName) {
        this.runName = Limits.checkRunName(runName);
        return this;
    }

    @Override
    public RunStarter tag(String key, String value) {
        Checks.userTag(key, value);
        tags.put(key, value);
        return this;
    }

    @Override
    public RunStarter user(String user) {
        this.user = Checks.text("user", user, Checks.MAX_USER_LENGTH);
        return this;
    }

    @Override
    public RunStarter source(String source) {
        this.source = Checks.text("source", source, Checks.MAX_SOURCE_LENGTH);
        return this;
    }

    @Override
    public RunStarter parent(Run parent) {
        this.parentRunId = Objects.requireNonNull(parent, "parent").id();
        return this;
    }

    @Override
    public RunStarter parent(String parentRunId) {
        this.parentRunId = Objects.requireNonNull(parentRunId, "parentRunId");
        return this;
    }

    @Override
    public RunStarter id(String runId) {
        Objects.requireNonNull(runId, "runId");
        if (!RUN_ID.matcher(runId).matches()) {
            throw new InvalidInputException("a run id is 32 lowercase hex characters, not '" + runId + "'; use"
                    + " ChildRun.newId() to make one");
        }
        this.runId = runId;
        return this;
    }

    @Override
    public RunStarter startTime(java.time.Instant startTime) {
        this.startTime = Objects.requireNonNull(startTime, "startTime");
        return this;
    }

    @Override
    public Run start() {
        mlops.ensureOpen();
        Checks.text("user", user, Checks.MAX_USER_LENGTH);
        Map<String, String> allTags = withSystemTags(tags);
        String effectiveSource = source != null ? source
                : Checks.truncate(mlops.detectSource(), Checks.MAX_SOURCE_LENGTH);
        String id = runId != null ? runId : UUID.randomUUID().toString().replace("-", "");
        RunInfo info = new RunInfo(id, experimentId, runName, RunStatus.RUNNING,
                startTime != null ? startTime : mlops.now(), null, user,
                effectiveSource, parentRunId, mlops.ownerId());
        mlops.store().createRun(info, allTags);
        return new CoreRun(mlops, info);
    }

    /**
     * @param tags the checked user tags of a new run
     * @return them with the system tags every new run carries (host, process id, library version)
     * @throws InvalidInputException if that makes more tags than one write may carry
     */
    static Map<String, String> withSystemTags(Map<String, String> tags) {
        Map<String, String> allTags = new LinkedHashMap<>(tags);
        allTags.put(SystemTags.HOST, LocalProcess.host());
        allTags.put(SystemTags.PID, Long.toString(LocalProcess.pid()));
        allTags.put(SystemTags.VERSION, LocalProcess.version());
        if (allTags.size() > Limits.MAX_PARAMS_TAGS_PER_BATCH) {
            throw new InvalidInputException("a new run may carry at most " + Limits.MAX_PARAMS_TAGS_PER_BATCH
                    + " tags (including " + (allTags.size() - tags.size()) + " system tags), got " + allTags.size()
                    + "; set the others with run.setTag or run.log(batch) after it has started");
        }
        return allTags;
    }
}
