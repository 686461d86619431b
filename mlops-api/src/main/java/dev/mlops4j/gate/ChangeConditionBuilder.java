package dev.mlops4j.gate;

import dev.mlops4j.InvalidInputException;
import java.util.List;

/**
 * A change condition against a champion, usable as a {@link Gate} as it is (tolerance 0) or refined with
 * {@link #by(double)} (absolute) or {@link #byRelative(double)} (relative). From
 * {@link MetricConditionBuilder#notWorseThan(MetricValues)} and {@link MetricConditionBuilder#betterThan(MetricValues)}.
 */
public final class ChangeConditionBuilder implements Gate {
    private final String metric;
    private final String sliceColumn;
    private final MetricDirection direction;
    private final MetricValues champion;
    private final boolean notWorse;
    private final CompositeGate gate;

    ChangeConditionBuilder(String metric, String sliceColumn, MetricDirection direction, MetricValues champion,
                           boolean notWorse, ChangeMode mode, double amount) {
        this.metric = metric;
        this.sliceColumn = sliceColumn;
        this.direction = direction;
        this.champion = champion;
        this.notWorse = notWorse;
        this.gate = new CompositeGate(Gate.DEFAULT_NAME,
                List.of(new Condition(metric, sliceColumn, threshold(mode, amount))));
    }

    /**
     * @param amount for "not worse than": how much worse the candidate may be; for "better than": by how much it
     *               must be better; in the metric's unit, {@code >= 0}
     * @return the gate
     */
    public Gate by(double amount) {
        return new ChangeConditionBuilder(metric, sliceColumn, direction, champion, notWorse, ChangeMode.ABSOLUTE,
                checkAmount("by", amount)).gate;
    }

    /**
     * @param fraction like {@link #by(double)}, as a fraction of the champion's magnitude (0.02 is 2%), {@code >= 0}
     * @return the gate
     */
    public Gate byRelative(double fraction) {
        return new ChangeConditionBuilder(metric, sliceColumn, direction, champion, notWorse, ChangeMode.RELATIVE,
                checkAmount("byRelative", fraction)).gate;
    }

    private ChangeThreshold threshold(ChangeMode mode, double amount) {
        // TFX's signed threshold: "not worse by a" allows -a in the good direction's sign, "better by a" demands +a.
        double sign = direction == MetricDirection.HIGHER_IS_BETTER ? 1 : -1;
        double t = notWorse ? -sign * amount : sign * amount;
        return new ChangeThreshold(direction, mode, t == 0.0 ? 0.0 : t, champion);
    }

    private double checkAmount(String method, double amount) {
        if (!Double.isFinite(amount) || amount < 0) {
            throw new InvalidInputException(method + "(" + amount + ") on metric '" + metric
                    + "' needs a finite number >= 0; the direction comes from notWorseThan/betterThan");
        }
        return amount;
    }

    @Override
    public String name() {
        return gate.name();
    }

    @Override
    public List<Condition> conditions() {
        return gate.conditions();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeConditionBuilder c && c.gate.equals(gate);
    }

    @Override
    public int hashCode() {
        return gate.hashCode();
    }

    @Override
    public String toString() {
        return gate.toString();
    }
}
