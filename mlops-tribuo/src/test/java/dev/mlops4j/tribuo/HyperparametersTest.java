package dev.mlops4j.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.mlops4j.tribuo.internal.ProvenanceTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.ensemble.BaggingTrainer;

class HyperparametersTest {

    @Test
    void of_cartTrainer_givesEveryConfiguredFieldWithItsValue() {
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(6, 3.0f, 0.25f, 0.5f, true, new Entropy(), 7L);

        assertThat(Hyperparameters.of(trainer)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "maxDepth", "6",
                "minChildWeight", "3.0",
                "minImpurityDecrease", "0.25",
                "fractionFeaturesInSplit", "0.5",
                "useRandomSplitPoints", "true",
                "impurity", Entropy.class.getName(),
                "seed", "7")));
    }

    @Test
    void of_nestedTrainer_flattensRecursivelyIntoDottedKeys() {
        BaggingTrainer<Label> bagging = new BaggingTrainer<>(new CARTClassificationTrainer(3), new VotingCombiner(), 5, 11L);

        Map<String, String> params = Hyperparameters.of(bagging);

        assertThat(params).containsEntry("numMembers", "5").containsEntry("seed", "11")
                .containsEntry("combiner", VotingCombiner.class.getName())
                .containsEntry("innerTrainer", CARTClassificationTrainer.class.getName())
                .containsEntry("innerTrainer.maxDepth", "3")
                .containsEntry("innerTrainer.impurity", "org.tribuo.classification.dtree.impurity.GiniIndex");
    }

    @Test
    void flatten_listsAndMaps_useIndexAndEntryKeys() {
        Map<String, Provenance> params = new LinkedHashMap<>();
        params.put("sizes", new ListProvenance<>(List.of(new IntProvenance("sizes", 1), new IntProvenance("sizes", 2))));
        params.put("empty", new ListProvenance<>());
        params.put("names", new MapProvenance<>(Map.of("a", new StringProvenance("a", "x"))));

        assertThat(ProvenanceTrees.flatten(params)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "sizes.0", "1", "sizes.1", "2", "empty", "[]", "names.a", "x")));
    }
}
