package dev.mlops4j.report.internal.data;

import dev.mlops4j.report.internal.Markup;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** What the data pages (profile, validation, drift) share: table headers and shares as percentages. */
final class DataPages {
    private DataPages() {
    }

    static void header(Markup m, String... columns) {
        m.start("thead").start("tr");
        for (String c : columns) {
            m.element("th", c, "scope", "col");
        }
        m.end().end();
    }

    /** A fraction as a percentage with up to two decimals, {@code <0.01%} for small non-zero ones. */
    static String share(double fraction) {
        if (!Double.isFinite(fraction)) {
            return Double.toString(fraction);
        }
        if (fraction > 0 && fraction < 0.0001) {
            return "<0.01%";
        }
        return new BigDecimal(fraction * 100).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                + "%";
    }

}
