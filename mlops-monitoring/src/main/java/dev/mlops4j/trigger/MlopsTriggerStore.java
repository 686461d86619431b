package dev.mlops4j.trigger;

import dev.mlops4j.Experiment;
import dev.mlops4j.InvalidInputException;
import dev.mlops4j.Mlops;
import dev.mlops4j.Run;
import dev.mlops4j.tracking.Limits;
import dev.mlops4j.tracking.RunRecord;
import dev.mlops4j.tracking.RunStatus;
import dev.mlops4j.tracking.SystemTags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keeps trigger state and firings in an mlops metadata store, with no store SPI of its own: everything is ordinary
 * tracking data in the experiment {@value #EXPERIMENT}, so every store (in-memory, H2, PostgreSQL) supports it and
 * the TCK already covers its durability.
 * <ul>
 *   <li>State: one experiment tag per trigger, {@code trigger.<name>.state}, holding a JSON document (sequence, runs,
 *       anchor, cursors). Experiment tags stay writable forever (a run's tags freeze when it ends), and one tag write
 *       is one atomic, durable store call, so the state never tears.</li>
 *   <li>Firings: one run per firing, named {@code <trigger>#<sequence>}, tagged {@code trigger.name},
 *       {@code trigger.sequence}, {@code trigger.reason}, {@code trigger.scheduled}, {@code trigger.fired},
 *       {@code trigger.target}, {@code trigger.outcome}. It is RUNNING while pending; it ends FINISHED when the action
 *       completed, FAILED with the error tags when it threw, and KILLED when it was skipped, dropped, replaced or
 *       cancelled. A firing whose process died is marked KILLED by orphan recovery when a later instance opens.</li>
 * </ul>
 */
final class MlopsTriggerStore implements TriggerStore {
    /** The experiment holding trigger state and firings. */
    static final String EXPERIMENT = "mlops.triggers";

    private final Mlops mlops;
    private final Experiment experiment;

    MlopsTriggerStore(Mlops mlops) {
        this.mlops = mlops;
        this.experiment = mlops.experiment(EXPERIMENT);
    }

    private static String stateKey(String trigger) {
        return "trigger." + trigger + ".state";
    }

    @Override
    public String loadState(String trigger) {
        return experiment.info().tags().get(stateKey(trigger));
    }

    @Override
    public void saveState(String trigger, String state) {
        if (state.length() > Limits.MAX_TAG_VALUE_LENGTH) {
            // The store would refuse the tag with a message about a tag; say what made this trigger's state so long.
            throw new InvalidInputException("the state of trigger '" + trigger + "' would be " + state.length()
                    + " characters, more than the " + Limits.MAX_TAG_VALUE_LENGTH + " one store tag holds. It keeps"
                    + " every signalled item not yet fired, the names of files modified at the directory cursor's time"
                    + " and the last live metrics judged: let the trigger fire (a shorter debounce), or signal fewer,"
                    + " shorter items (e.g. one per batch of partitions)");
        }
        experiment.tag(stateKey(trigger), state);
    }

    @Override
    public Object begin(Firing firing, String target) {
        String reason = firing.reason().length() > 4000 ? firing.reason().substring(0, 4000) + "..." : firing.reason();
        return experiment.newRun().name(firing.trigger() + "#" + firing.sequence())
                .tag("trigger.name", firing.trigger())
                .tag("trigger.sequence", Long.toString(firing.sequence()))
                .tag("trigger.reason", reason)
                .tag("trigger.scheduled", firing.scheduledFor().toString())
                .tag("trigger.fired", firing.firedAt().toString())
                .tag("trigger.target", target)
                .tag("trigger.outcome", FiringOutcome.PENDING.name())
                .source("mlops-triggers")
                .start();
    }

    @Override
    public void end(Object token, FiringOutcome outcome, Throwable error) {
        Run run = (Run) token;
        run.setTag("trigger.outcome", outcome.name());
        switch (outcome) {
            case COMPLETED -> run.finish();
            case FAILED -> run.fail(error);
            default -> run.end(RunStatus.KILLED);
        }
    }

    @Override
    public List<FiringRecord> history(String trigger) {
        List<FiringRecord> out = new ArrayList<>();
        // Trigger names are restricted to letters, digits and _ - . (checked at definition), so quoting is safe.
        for (RunRecord r : mlops.runs().search(EXPERIMENT).filter("tags.`trigger.name` = '" + trigger + "'").list()) {
            Firing f = new Firing(trigger, Long.parseLong(r.tag("trigger.sequence").orElseThrow()),
                    r.tag("trigger.reason").orElse(""), Instant.parse(r.tag("trigger.fired").orElseThrow()),
                    Instant.parse(r.tag("trigger.scheduled").orElseThrow()));
            FiringOutcome outcome = FiringOutcome.valueOf(r.tag("trigger.outcome").orElse("PENDING"));
            if (outcome == FiringOutcome.PENDING && r.status() == RunStatus.KILLED) {
                outcome = FiringOutcome.CANCELLED;     // its process died before it ended
            }
            Optional<String> err = r.tag(SystemTags.ERROR_CLASS)
                    .map(c -> c + r.tag(SystemTags.ERROR_MESSAGE).map(m -> ": " + m).orElse(""));
            out.add(new FiringRecord(f, outcome, err, Optional.of(r.runId())));
        }
        out.sort(Comparator.comparingLong(fr -> fr.firing().sequence()));
        return out;
    }

    static String describe(Throwable t) {
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
