package dev.mlops4j.report.internal.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at "nice" values (1, 2 or 5 times a power of ten, as in Heckbert's Graphics Gems algorithm) and their
 * labels, which carry as many decimals as the step needs and no more.
 *
 * @param lo the axis minimum
 * @param hi the axis maximum (greater than {@code lo})
 * @param step distance between ticks
 * @param values tick positions within [lo, hi], ascending
 */
public record Ticks(double lo, double hi, double step, List<Double> values) {
    public Ticks {
        values = List.copyOf(values);
    }

    /**
     * Ticks whose range is widened to whole steps, so data never touches the frame (for value axes).
     *
     * @param min smallest value to show (finite)
     * @param max largest value to show (finite)
     * @param target roughly how many ticks to draw
     * @param integers true if only integers may be ticks (steps)
     * @return the ticks
     */
    public static Ticks nice(double min, double max, int target, boolean integers) {
        double[] range = widen(min, max, integers);
        double step = step(range[0], range[1], target, integers);
        // min/max guard against rounding: 7 * 0.05 is 0.35000000000000003, which would cut off a value of 0.35.
        double lo = Math.min(range[0], Math.floor(range[0] / step) * step);
        double hi = Math.max(range[1], Math.ceil(range[1] / step) * step);
        return new Ticks(lo, hi, step, positions(lo, hi, step));
    }

    /**
     * Ticks within exactly [min, max], for axes whose ends are the data's ends (steps of a metric curve).
     *
     * @param min smallest value (finite)
     * @param max largest value (finite)
     * @param target roughly how many ticks to draw
     * @param integers true if only integers may be ticks
     * @return the ticks
     */
    public static Ticks tight(double min, double max, int target, boolean integers) {
        double[] range = widen(min, max, integers);
        double step = step(range[0], range[1], target, integers);
        return new Ticks(range[0], range[1], step, positions(Math.ceil(range[0] / step) * step, range[1], step));
    }

    /**
     * @param v a tick value
     * @return its label: thousands and millions shortened ({@code 25k}, {@code 1.5M}), decimals as the step needs
     */
    public String label(double v) {
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        if (magnitude >= 1e4 && step >= 1) {
            String[] suffixes = {"k", "M", "G", "T"};
            double scale = 1e3;
            int s = 0;
            while (s < suffixes.length - 1 && magnitude >= scale * 1e4) {
                scale *= 1e3;
                s++;
            }
            return plain(v / scale, decimals(step / scale)) + suffixes[s];
        }
        if (magnitude < 1e-3 || step < 1e-6) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return plain(v, decimals(step));
    }

    private static String plain(double v, int decimals) {
        String s = BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    private static int decimals(double step) {
        // A nice step (1, 2 or 5 x 10^k) needs exactly the decimals of its own shortest spelling.
        return Math.max(0, new BigDecimal(step).round(new java.math.MathContext(3)).stripTrailingZeros().scale());
    }

    private static double[] widen(double min, double max, boolean integers) {
        if (!(Double.isFinite(min) && Double.isFinite(max)) || min > max) {
            throw new IllegalArgumentException("axis range must be finite and ordered: [" + min + ", " + max + "]");
        }
        if (max - min > Math.max(Math.abs(min), Math.abs(max)) * 1e-12) {
            return new double[] {min, max};
        }
        // One distinct value: give it room on both sides, so it sits mid-axis.
        double pad = integers ? 1 : (min == 0 ? 1 : Math.abs(min) * 0.1);
        return new double[] {min - pad, max + pad};
    }

    private static double step(double min, double max, int target, boolean integers) {
        double raw = nice((max - min) / Math.max(1, target - 1));
        return integers ? Math.max(1, raw) : raw;
    }

    private static double nice(double x) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        return nf * Math.pow(10, exp);
    }

    private static List<Double> positions(double first, double last, double step) {
        List<Double> out = new ArrayList<>();
        // Multiply rather than accumulate, so that error does not build up; snap to the step's grid for clean labels.
        long n = Math.round(Math.floor((last - first) / step + 1e-9));
        for (long i = 0; i <= n; i++) {
            out.add(snap(first + i * step, step));
        }
        return out;
    }

    private static double snap(double v, double step) {
        double snapped = Math.round(v / step) * step;
        return snapped == 0 ? 0.0 : snapped;
    }
}
