package dev.mlops4j.tribuo;

import dev.mlops4j.tribuo.internal.ProvenanceTrees;
import java.util.Objects;
import java.util.SortedMap;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * A Tribuo trainer's hyperparameters as flat, dotted keys, read from its provenance (Tribuo has no such helper).
 *
 * <p>Every configured field of the trainer becomes a key; a nested configurable object (the optimiser, the
 * objective, an inner trainer) becomes {@code name = its class} plus its own fields under {@code name.}, so
 * {@code LinearSGDTrainer} with {@code AdaGrad} gives {@code epochs}, {@code seed}, {@code optimiser =
 * org.tribuo.math.optimisers.AdaGrad}, {@code optimiser.initialLearningRate}, ... Lists give {@code name.0},
 * {@code name.1}, maps {@code name.key}. Values are the provenance's exact text.
 */
public final class Hyperparameters {
    private Hyperparameters() {
    }

    /**
     * @param trainer a trainer
     * @return its configured hyperparameters, sorted by key
     */
    public static SortedMap<String, String> of(Trainer<?> trainer) {
        return of(Objects.requireNonNull(trainer, "trainer").getProvenance());
    }

    /**
     * @param model a trained model
     * @return the hyperparameters of the trainer that built it, as recorded in its provenance
     */
    public static SortedMap<String, String> of(Model<?> model) {
        return of(Objects.requireNonNull(model, "model").getProvenance().getTrainerProvenance());
    }

    /**
     * @param provenance a trainer's provenance
     * @return its configured hyperparameters, sorted by key
     */
    public static SortedMap<String, String> of(TrainerProvenance provenance) {
        return ProvenanceTrees.flatten(provenance.getConfiguredParameters());
    }
}
