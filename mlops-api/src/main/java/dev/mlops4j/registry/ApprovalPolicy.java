package dev.mlops4j.registry;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which aliases of a model are protected: a version may take a protected alias only after a user <em>other than
 * the one who registered it</em> approved it for that alias (the "four-eyes" sign-off), via
 * {@link ModelRegistry#approve(String, int, String, String)}. Unprotected aliases move on promotion alone.
 *
 * <pre>{@code
 * registry.setApprovalPolicy("wine", ApprovalPolicy.protect("production"), "release process v2");
 * }</pre>
 *
 * <p>The policy is stored with the model (in its reserved tag {@value #TAG}), so every process using the store
 * enforces it; changing it is audited. The user is the one the application configured on its {@code Mlops}
 * instance: mlops4j records identities, it does not authenticate them.
 *
 * @param protectedAliases the aliases that need an approval, sorted
 */
public record ApprovalPolicy(Set<String> protectedAliases) {
    /** The reserved model tag holding the policy: the protected aliases, comma-separated. */
    public static final String TAG = "mlops.approval.protected_aliases";

    public ApprovalPolicy {
        TreeSet<String> sorted = new TreeSet<>();
        for (String alias : Objects.requireNonNull(protectedAliases, "protectedAliases")) {
            sorted.add(RegistryNames.checkAlias(alias));
        }
        protectedAliases = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    /** @return the policy that protects nothing */
    public static ApprovalPolicy none() {
        return new ApprovalPolicy(Set.of());
    }

    /**
     * @param aliases the aliases to protect
     * @return a policy protecting them
     */
    public static ApprovalPolicy protect(String... aliases) {
        return protect(Arrays.asList(aliases));
    }

    /**
     * @param aliases the aliases to protect
     * @return a policy protecting them
     */
    public static ApprovalPolicy protect(Collection<String> aliases) {
        return new ApprovalPolicy(new TreeSet<>(aliases));
    }

    /**
     * @param alias an alias
     * @return true if moving it needs an approval
     */
    public boolean isProtected(String alias) {
        return protectedAliases.contains(alias);
    }

    /** @return the value of the tag {@value #TAG} that stores this policy, {@code ""} for none */
    public String toTag() {
        return String.join(",", protectedAliases);
    }

    /**
     * @param tag the value of the tag {@value #TAG}, or {@code null}
     * @return the policy it stores
     */
    public static ApprovalPolicy fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return none();
        }
        return protect(List.of(tag.split(",")));
    }
}
