package dev.mlops4j.serving;

import dev.mlops4j.InvalidInputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link ModelHandle} refused to predict because the input has issues whose policy is {@link InputPolicy#REJECT}:
 * unknown or missing features, NaN, out-of-domain values or schema violations, which the framework would otherwise
 * have turned into a silently wrong prediction. Fix the input (or relax the policy for that kind of issue).
 */
public class InputRejectedException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final List<InputIssue> issues;

    /**
     * @param model what refused, e.g. {@code models:/wine/3}
     * @param issues every issue found (the rejecting ones and any others)
     */
    public InputRejectedException(String model, List<InputIssue> issues) {
        super(model + " refused the input: " + issues.stream().map(InputIssue::toString)
                .collect(Collectors.joining("; ")));
        this.issues = List.copyOf(issues);
    }

    /** @return every issue found */
    public List<InputIssue> issues() {
        return issues;
    }
}
