package dev.mlops4j.report.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes well-formed XHTML and SVG: every element opened is closed in order, and every piece of text and every
 * attribute value passes through {@link #escape(String)}. Reports show user input (run names, params, tags), so this is
 * the only way text reaches a report; element and attribute names come from code and are checked against a strict
 * pattern so that no name can be built from data.
 *
 * <p>The output is both valid XML and HTML that browsers parse to the same tree: empty elements are written as
 * {@code <td></td>} (HTML ignores {@code />} on non-void elements), self-closing tags are used only through
 * {@link #empty(String, String...)} for void HTML elements and inside SVG, where HTML honours them.
 */
public final class Markup {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*(:[a-z][a-zA-Z0-9-]*)?");

    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> open = new ArrayDeque<>();
    /** Per open element: whether it has child elements, so that block structure gets line breaks. */
    private final Deque<Boolean> hasChildren = new ArrayDeque<>();

    /**
     * Writes raw markup that must not hold data, such as the document type declaration.
     *
     * @param markup fixed text from code
     * @return this writer
     */
    public Markup declaration(String markup) {
        if (!markup.startsWith("<!") || markup.indexOf('>') != markup.length() - 1) {
            throw new IllegalArgumentException("not a declaration: " + markup);
        }
        out.append(markup).append('\n');
        return this;
    }

    /**
     * Opens an element.
     *
     * @param tag element name
     * @param attributes alternating attribute names and values; a {@code null} value omits the attribute
     * @return this writer
     */
    public Markup start(String tag, String... attributes) {
        tag(tag, attributes);
        out.append('>');
        markChild();
        open.push(tag);
        hasChildren.push(false);
        return this;
    }

    /**
     * Writes a self-closing element: only for void HTML elements ({@code meta}, {@code br}) and SVG elements.
     *
     * @param tag element name
     * @param attributes alternating attribute names and values; a {@code null} value omits the attribute
     * @return this writer
     */
    public Markup empty(String tag, String... attributes) {
        tag(tag, attributes);
        out.append("/>");
        markChild();
        return this;
    }

    /**
     * Writes an element holding only text.
     *
     * @param tag element name
     * @param text its content, escaped
     * @param attributes alternating attribute names and values
     * @return this writer
     */
    public Markup element(String tag, String text, String... attributes) {
        return start(tag, attributes).text(text).end();
    }

    /**
     * @param text character data, escaped; {@code null} writes nothing
     * @return this writer
     */
    public Markup text(String text) {
        if (text != null) {
            out.append(escape(text));
        }
        return this;
    }

    /**
     * Writes the content of a {@code style} element: fixed CSS from code, which may not contain {@code <}, {@code >}
     * or {@code &} (HTML reads style content as raw text and XML would decode entities, so neither form is safe).
     *
     * @param css a style sheet
     * @return this writer
     */
    public Markup css(String css) {
        if (!"style".equals(open.peek()) || css.indexOf('<') >= 0 || css.indexOf('>') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("CSS must be written inside <style> and must not contain <, > or &");
        }
        out.append(css);
        return this;
    }

    /**
     * Copies what another writer produced, as a child of the current element.
     *
     * @param fragment a complete fragment (every element closed)
     * @return this writer
     */
    public Markup fragment(Markup fragment) {
        if (!fragment.open.isEmpty()) {
            throw new IllegalStateException("fragment has unclosed elements: " + fragment.open);
        }
        markChild();
        out.append(fragment.out);
        return this;
    }

    /**
     * Closes the innermost open element.
     *
     * @return this writer
     */
    public Markup end() {
        String tag = open.pop();
        boolean block = hasChildren.pop();
        out.append("</").append(tag).append('>');
        if (block) {
            out.append('\n');
        }
        return this;
    }

    /**
     * @return the markup
     * @throws IllegalStateException if an element is still open
     */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void tag(String tag, String... attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name-value pairs: " + String.join(", ", attributes));
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            checkName(attributes[i]);
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private void markChild() {
        if (!hasChildren.isEmpty()) {
            hasChildren.pop();
            hasChildren.push(true);
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an element or attribute name: " + name);
        }
    }

    /**
     * Escapes text for element content and double- or single-quoted attribute values. Characters XML 1.0 forbids
     * (control characters other than tab, line feed and carriage return; unpaired surrogates; U+FFFE, U+FFFF) become
     * U+FFFD, so any string yields a well-formed document.
     *
     * @param text any text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\r' -> "&#13;"; // a literal CR would be normalised away by XML parsers
                default -> legal(text, i) ? null : "\uFFFD";
            };
            if (replacement == null && Character.isHighSurrogate(c)) {
                // A valid pair: copy both halves.
                if (sb != null) {
                    sb.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    private static boolean legal(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false; // a low surrogate reached here has no high surrogate before it
        }
        return c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7F && c < 0xFFFE) && !(c >= 0x80 && c <= 0x9F);
    }
}
