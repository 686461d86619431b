package dev.mlops4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.NotFoundException;
import dev.mlops4j.tracking.ExperimentInfo;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Experiments: creation by name, ids, lookup, listing, tags and description. */
abstract class ExperimentsContract extends ContractBase {

    ExperimentsContract(MetadataStoreTck tck) {
        super(tck);
    }

    @Test
    void getOrCreateExperiment_newName_createsExperimentWithDecimalId() {
        ExperimentInfo e = store().getOrCreateExperiment("churn", at(T0 + 5));

        assertThat(e.id()).matches("[0-9]+");
        assertThat(e.name()).isEqualTo("churn");
        assertThat(e.description()).isEmpty();
        assertThat(e.tags()).isEmpty();
        assertThat(e.createdAt()).isEqualTo(at(T0 + 5));
    }

    @Test
    void getOrCreateExperiment_existingName_returnsTheSameExperiment() {
        ExperimentInfo first = store().getOrCreateExperiment("churn", at(T0));
        ExperimentInfo again = store().getOrCreateExperiment("churn", at(T0 + 60_000));

        assertThat(again).isEqualTo(first);
        assertThat(store().listExperiments()).containsExactly(first);
    }

    @Test
    void getOrCreateExperiment_distinctNames_getDistinctIds() {
        Set<String> ids = Stream.of("a", "b", "c", "d").map(n -> experiment(n).id()).collect(Collectors.toSet());

        assertThat(ids).hasSize(4);
    }

    @Test
    void getOrCreateExperiment_namesDifferingOnlyInCase_areDistinctExperiments() {
        ExperimentInfo lower = experiment("churn");
        ExperimentInfo upper = experiment("Churn");

        assertThat(upper.id()).isNotEqualTo(lower.id());
        assertThat(store().findExperimentByName("CHURN")).isEmpty();
    }

    @Test
    void getOrCreateExperiment_unicodeAndMaximumLengthNames_roundTrip() {
        String unicode = "Prévision des ventes — 販売予測 🎯";
        String longest = "x".repeat(dev.mlops4j.tracking.Limits.MAX_EXPERIMENT_NAME_LENGTH - 1) + "é";

        ExperimentInfo u = experiment(unicode);
        ExperimentInfo l = experiment(longest);

        assertThat(store().findExperimentByName(unicode)).contains(u);
        assertThat(store().findExperimentByName(longest)).contains(l);
        assertThat(store().findExperiment(l.id()).orElseThrow().name()).isEqualTo(longest);
    }

    @Test
    void findExperiment_byIdAndByName_findsIt() {
        ExperimentInfo e = experiment("churn");

        assertThat(store().findExperiment(e.id())).contains(e);
        assertThat(store().findExperimentByName("churn")).contains(e);
    }

    @Test
    void findExperiment_unknownIdOrName_returnsEmpty() {
        experiment("churn");

        assertThat(store().findExperiment("987654321")).isEmpty();
        assertThat(store().findExperiment("not-a-number")).isEmpty();
        assertThat(store().findExperimentByName("nope")).isEmpty();
    }

    @Test
    void listExperiments_severalExperiments_orderedByName() {
        List.of("gamma", "alpha", "beta/2", "beta").forEach(this::experiment);

        assertThat(store().listExperiments()).extracting(ExperimentInfo::name)
                .containsExactly("alpha", "beta", "beta/2", "gamma");
    }

    @Test
    void setExperimentTag_newAndExistingKeys_upserts() {
        ExperimentInfo e = experiment("churn");

        store().setExperimentTag(e.id(), "team", "risk");
        store().setExperimentTag(e.id(), "owner", "ana");
        store().setExperimentTag(e.id(), "team", "growth");

        Map<String, String> expected = Map.of("team", "growth", "owner", "ana");
        assertThat(store().findExperiment(e.id()).orElseThrow().tags()).isEqualTo(expected);
        assertThat(store().findExperimentByName("churn").orElseThrow().tags()).isEqualTo(expected);
        assertThat(store().getOrCreateExperiment("churn", at(T0)).tags()).isEqualTo(expected);
        assertThat(store().listExperiments().get(0).tags()).isEqualTo(expected);
    }

    @Test
    void setExperimentDescription_calledTwice_keepsTheLast() {
        ExperimentInfo e = experiment("churn");

        store().setExperimentDescription(e.id(), "first");
        store().setExperimentDescription(e.id(), "Predicts churn — v2");

        assertThat(store().findExperiment(e.id()).orElseThrow().description()).isEqualTo("Predicts churn — v2");
        assertThat(store().findExperiment(e.id()).orElseThrow().createdAt()).isEqualTo(e.createdAt());
    }

    @Test
    void setExperimentTagOrDescription_unknownExperiment_throwsNotFound() {
        experiment("churn");
        List<ExperimentInfo> before = store().listExperiments();

        assertThatThrownBy(() -> store().setExperimentTag("987654321", "k", "v")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> store().setExperimentDescription("987654321", "d"))
                .isInstanceOf(NotFoundException.class);
        assertThat(store().listExperiments()).isEqualTo(before);
    }
}
