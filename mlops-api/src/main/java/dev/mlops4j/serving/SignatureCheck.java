package dev.mlops4j.serving;

import dev.mlops4j.InvalidInputException;
import dev.mlops4j.model.FeatureDomain;
import dev.mlops4j.model.FeatureLayout;
import dev.mlops4j.model.FeatureVector;
import dev.mlops4j.model.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input check every {@link ModelHandle} runs, built from the model itself: its feature names
 * ({@link dev.mlops4j.model.ModelSignature#featureNames()}) and, where the flavor records them, its training ranges
 * ({@link LoadedModel#featureDomains()}). It reports
 * <ul>
 *   <li>{@link InputIssueKind#UNKNOWN_FEATURE} for each name the model does not know (Tribuo ignores those);</li>
 *   <li>{@link InputIssueKind#MISSING_FEATURE} for each known feature absent from the input or mapped to
 *       {@code null} (Tribuo reads those as zero);</li>
 *   <li>{@link InputIssueKind#NON_FINITE} for NaN and infinite values;</li>
 *   <li>{@link InputIssueKind#OUT_OF_DOMAIN} for values outside the training range, widened on both sides by
 *       {@code tolerance} times its width.</li>
 * </ul>
 * A clean input costs one lookup in the caller's map and two comparisons per feature, and allocates nothing; a
 * {@link FeatureVector} on the model's layout costs the comparisons only.
 */
public final class SignatureCheck implements InputCheck {
    /** Open-addressing table of the feature names (load at most 1/4): slot to name, its hash and its index. */
    private final String[] slotNames;
    private final int[] slotHashes;
    private final int[] slotIndex;
    private final int mask;
    private final String[] names;
    private final FeatureLayout layout;
    private final double[] low;
    private final double[] high;
    private final double[] min;
    private final double[] max;
    private final double tolerance;

    private SignatureCheck(FeatureLayout layout, Map<String, FeatureDomain> domains, double tolerance) {
        if (!Double.isFinite(tolerance) || tolerance < 0) {
            throw new InvalidInputException("domain tolerance must be a finite number >= 0, was " + tolerance);
        }
        this.tolerance = tolerance;
        this.layout = layout;
        int n = layout.size();
        this.names = layout.names().toArray(String[]::new);
        int capacity = Integer.highestOneBit(Math.max(4, n * 4) - 1) << 1;
        this.slotNames = new String[capacity];
        this.slotHashes = new int[capacity];
        this.slotIndex = new int[capacity];
        this.mask = capacity - 1;
        this.low = new double[n];
        this.high = new double[n];
        this.min = new double[n];
        this.max = new double[n];
        for (int i = 0; i < n; i++) {
            insert(Objects.requireNonNull(names[i], "feature name"), i);
            FeatureDomain d = domains.get(names[i]);
            if (d == null) {
                // The largest finite bounds: anything finite passes, NaN and infinities do not.
                low[i] = -Double.MAX_VALUE;
                high[i] = Double.MAX_VALUE;
                min[i] = Double.NEGATIVE_INFINITY;
                max[i] = Double.POSITIVE_INFINITY;
            } else {
                double slack = tolerance * (d.max() - d.min());
                low[i] = d.min() - slack;
                high[i] = d.max() + slack;
                min[i] = d.min();
                max[i] = d.max();
            }
        }
    }

    /**
     * @param model a loaded model
     * @param tolerance how far outside the training range still passes, as a fraction of the range's width
     * @return the check for that model
     */
    public static SignatureCheck of(LoadedModel model, double tolerance) {
        Objects.requireNonNull(model, "model");
        return new SignatureCheck(model.featureLayout(), model.featureDomains(), tolerance);
    }

    /**
     * @param featureNames the features the model knows
     * @param domains their training ranges, where known
     * @param tolerance how far outside a range still passes, as a fraction of its width
     * @return the check
     */
    public static SignatureCheck of(List<String> featureNames, Map<String, FeatureDomain> domains, double tolerance) {
        return new SignatureCheck(FeatureLayout.of(featureNames), Map.copyOf(domains), tolerance);
    }

    /**
     * Checks a prepared input. A complete vector on the model's own layout (the one {@link #of(LoadedModel, double)}
     * took from {@link LoadedModel#featureLayout()}) is judged position by position, two comparisons per value and
     * no lookup; anything else takes the by-name path of {@link #check(Map)}.
     */
    @Override
    public List<InputIssue> check(FeatureVector features) {
        FeatureLayout l = features.layout();
        if ((l == layout || l.equals(layout)) && features.isComplete()) {
            for (int i = 0; i < low.length; i++) {
                double v = features.value(i);
                if (!(v >= low[i] && v <= high[i])) {
                    return issues(features.toMap());
                }
            }
            return List.of();
        }
        return check(features.toMap());
    }

    @Override
    public List<InputIssue> check(Map<String, ? extends Number> features) {
        // Fast path for the common, clean input: one lookup per known feature in the caller's map. Only when that
        // finds a problem, or the map holds more names than the model knows, does the full pass below run.
        int present = 0;
        for (int i = 0; i < names.length; i++) {
            Number number = features.get(names[i]);
            if (number == null) {
                return issues(features);
            }
            double v = number.doubleValue();
            // NaN fails both comparisons, so a clean value takes exactly two.
            if (!(v >= low[i] && v <= high[i])) {
                return issues(features);
            }
            present++;
        }
        return present == features.size() ? List.of() : issues(features);
    }

    /** The full pass: every issue of the input, each feature judged once. */
    private List<InputIssue> issues(Map<String, ? extends Number> features) {
        List<InputIssue> issues = null;
        int known = 0;
        for (Map.Entry<String, ? extends Number> e : features.entrySet()) {
            String name = e.getKey();
            int i = name == null ? -1 : indexOf(name);
            if (i < 0) {
                issues = add(issues, new InputIssue(InputIssueKind.UNKNOWN_FEATURE, String.valueOf(name),
                        value(e.getValue()), "feature '" + name + "' is not known to the model; it would be ignored"));
                continue;
            }
            Number number = e.getValue();
            if (number == null) {
                continue; // reported as missing below
            }
            known++;
            double v = number.doubleValue();
            if (!(v >= low[i] && v <= high[i])) {
                issues = add(issues, valueIssue(i, v));
            }
        }
        if (known < names.length) {
            for (String name : names) {
                if (features.get(name) == null) {
                    issues = add(issues, new InputIssue(InputIssueKind.MISSING_FEATURE, name, null, "feature '" + name
                            + "' is " + (features.containsKey(name) ? "null" : "missing")
                            + "; the model would read it as 0"));
                }
            }
        }
        return issues == null ? List.of() : issues;
    }

    // A dedicated table rather than a HashMap<String, Integer>: no node to follow, no unboxing, and the stored hash
    // settles most mismatches without String.equals. This lookup runs once per feature of every prediction.
    private void insert(String name, int index) {
        int h = spread(name.hashCode());
        int slot = h & mask;
        while (slotNames[slot] != null) {
            if (slotNames[slot].equals(name)) {
                throw new InvalidInputException("feature '" + name + "' appears twice in the model's feature names");
            }
            slot = (slot + 1) & mask;
        }
        slotNames[slot] = name;
        slotHashes[slot] = h;
        slotIndex[slot] = index;
    }

    private int indexOf(String name) {
        int h = spread(name.hashCode());
        int slot = h & mask;
        while (true) {
            String candidate = slotNames[slot];
            if (candidate == null) {
                return -1;
            }
            if (candidate == name || (slotHashes[slot] == h && candidate.equals(name))) {
                return slotIndex[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    /** @return the features checked, in the model's order */
    public List<String> featureNames() {
        return List.of(names);
    }

    /** @return the tolerance around training ranges */
    public double tolerance() {
        return tolerance;
    }

    private InputIssue valueIssue(int i, double v) {
        if (!Double.isFinite(v)) {
            return new InputIssue(InputIssueKind.NON_FINITE, names[i], v, "feature '" + names[i] + "' is " + v);
        }
        return new InputIssue(InputIssueKind.OUT_OF_DOMAIN, names[i], v, "feature '" + names[i] + "' = " + v
                + " is outside the training range [" + min[i] + ", " + max[i] + "]"
                + (tolerance > 0 ? " widened by " + tolerance * 100 + "% of its width" : ""));
    }

    private static List<InputIssue> add(List<InputIssue> issues, InputIssue issue) {
        List<InputIssue> list = issues == null ? new ArrayList<>(4) : issues;
        list.add(issue);
        return list;
    }

    private static Double value(Number n) {
        return n == null ? null : n.doubleValue();
    }

    @Override
    public String toString() {
        return "SignatureCheck[" + names.length + " features, tolerance " + tolerance + "]";
    }
}
