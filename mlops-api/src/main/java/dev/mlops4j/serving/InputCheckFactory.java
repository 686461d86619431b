package dev.mlops4j.serving;

import dev.mlops4j.Runs;
import dev.mlops4j.model.LoadedModel;
import dev.mlops4j.registry.ModelVersion;

/**
 * Makes an {@link InputCheck} for each version a {@link ModelHandle} serves, when the version is loaded (before it
 * takes traffic). This is where checks beyond the model's own signature plug in: a schema check reads
 * {@link ModelVersion#schemaRef()} (for example the schema mlops-validation logged with the training run; its
 * {@code dev.mlops4j.validation.schema.SchemaInputCheck.factory()} is that check) through
 * {@code runs} and returns a check that reports {@link InputIssueKind#SCHEMA_VIOLATION}s.
 */
@FunctionalInterface
public interface InputCheckFactory {

    /**
     * @param version the version about to be served
     * @param model its loaded model
     * @param runs to read the version's run and artifacts
     * @return the check for that version
     */
    InputCheck create(ModelVersion version, LoadedModel model, Runs runs);
}
