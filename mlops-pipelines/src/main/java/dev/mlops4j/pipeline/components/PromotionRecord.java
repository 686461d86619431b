package dev.mlops4j.pipeline.components;

/**
 * What a promotion step did.
 *
 * @param name model name
 * @param alias the alias
 * @param version the candidate version
 * @param outcome the registry's outcome, e.g. {@code PROMOTED}
 * @param promoted whether the alias now points at the version
 */
public record PromotionRecord(String name, String alias, int version, String outcome, boolean promoted) {
    /** @return one line, e.g. {@code models:/wine/3 -> @production: PROMOTED} */
    @Override
    public String toString() {
        return "models:/" + name + "/" + version + " -> @" + alias + ": " + outcome;
    }
}
