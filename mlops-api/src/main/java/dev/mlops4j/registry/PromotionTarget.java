package dev.mlops4j.registry;

/** The first step of a promotion: which alias. From {@link ModelRegistry#promote(String, int)}. */
public interface PromotionTarget {

    /**
     * @param alias the alias the version should take, e.g. {@code production}
     * @return the next step
     * @throws dev.mlops4j.InvalidInputException if the alias is not valid
     */
    Promotion to(String alias);
}
