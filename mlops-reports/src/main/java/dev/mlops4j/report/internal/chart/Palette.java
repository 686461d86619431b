package dev.mlops4j.report.internal.chart;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Series colours: Tableau's ten-colour palette, chosen to stay distinguishable for most colour-vision deficiencies
 * and on white. Colours repeat after ten series.
 */
public final class Palette {
    private static final List<String> COLORS = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    private Palette() {
    }

    /**
     * @param index a series' position, 0 or more
     * @return its colour as {@code #rrggbb}
     */
    public static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    /**
     * @param color a colour given by a caller
     * @return the colour
     * @throws IllegalArgumentException unless it is {@code #rrggbb}, the only form charts write into attributes
     */
    static String check(String color) {
        if (color == null || !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("colour must be #rrggbb, was " + color);
        }
        return color;
    }
}
