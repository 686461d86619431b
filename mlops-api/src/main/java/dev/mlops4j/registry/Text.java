package dev.mlops4j.registry;

/** Renders user text on one line for {@code toString()} output. */
final class Text {
    private Text() {
    }

    /**
     * @param text any text, may be null
     * @param max longest result
     * @return the text with line breaks and tabs escaped and other control characters blanked, cut to {@code max}
     */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max + 8));
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(Character.isISOControl(ch) ? ' ' : ch);
            }
        }
        if (sb.length() > max) {
            int cut = max - 3;
            if (cut > 0 && Character.isHighSurrogate(sb.charAt(cut - 1))) {
                cut--;
            }
            sb.setLength(Math.max(cut, 0));
            sb.append("...");
        }
        return sb.toString();
    }
}
