package dev.mlops4j.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mlops4j.report.Xml;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MarkupTest {

    @Test
    void escape_specialCharacters_becomeEntities() {
        assertThat(Markup.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assertThat(Markup.escape("plain")).isSameAs("plain");
    }

    @Test
    void escape_charactersXmlForbids_becomeReplacementCharacter() {
        assertThat(Markup.escape("a\u0000b\u0007c\uFFFEd\u0085e")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe");
        assertThat(Markup.escape("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone \uFFFD high, lone \uFFFD low");
        assertThat(Markup.escape("pair \uD83D\uDE00 kept")).isEqualTo("pair \uD83D\uDE00 kept");
        assertThat(Markup.escape("tab\tnewline\n")).isEqualTo("tab\tnewline\n");
    }

    @Property(tries = 500)
    void escapedText_anyString_parsesBackAsTheSameTextAndAttribute(@ForAll String text) {
        String xml = new Markup().element("p", text, "title", text).toString();

        Document doc = Xml.parse(xml);
        Element p = doc.getDocumentElement();
        String expected = expectedAfterEscape(text);
        assertThat(p.getTextContent()).isEqualTo(expected);
        // Attribute values are normalised by XML parsers (tab and newline read as spaces); the characters survive.
        assertThat(p.getAttribute("title")).isEqualTo(expected.replace('\t', ' ').replace('\n', ' '));
    }

    private static String expectedAfterEscape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    || (c >= 0x7F && c <= 0x9F) || c >= 0xFFFE) {
                sb.append('\uFFFD');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Test
    void nestedElements_closeInOrderWithLineBreaksAfterBlocks() {
        String xml = new Markup().start("table").start("tr").element("td", "a").element("td", "").end().end().toString();

        assertThat(xml).isEqualTo("<table><tr><td>a</td><td></td></tr>\n</table>\n");
    }

    @Test
    void nullAttributeValue_isOmitted() {
        assertThat(new Markup().element("td", "x", "class", null, "id", "c").toString())
                .isEqualTo("<td id=\"c\">x</td>");
    }

    @Test
    void toString_unclosedElement_throws() {
        Markup m = new Markup().start("div");

        assertThatThrownBy(m::toString).isInstanceOf(IllegalStateException.class).hasMessageContaining("div");
    }

    @ParameterizedTest
    @ValueSource(strings = {"script onload", "a\"", "", "1td", "on<x>"})
    void start_nameBuiltFromData_isRejected(String name) {
        assertThatThrownBy(() -> new Markup().start(name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Markup().start("p", name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a > b { }", "p { content: '<' }", "x { background: url(a&b) }"})
    void css_withMarkupCharacters_isRejected(String css) {
        Markup m = new Markup().start("style");

        assertThatThrownBy(() -> m.css(css)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void css_outsideStyle_isRejected() {
        assertThatThrownBy(() -> new Markup().start("p").css("p { }")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fragment_isCopiedAsChild() {
        Markup inner = new Markup().element("b", "x");

        assertThat(new Markup().start("p").fragment(inner).end().toString()).isEqualTo("<p><b>x</b></p>\n");
        assertThatThrownBy(() -> new Markup().fragment(new Markup().start("i")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void declaration_onlyAcceptsADeclaration() {
        assertThat(new Markup().declaration("<!DOCTYPE html>").toString()).isEqualTo("<!DOCTYPE html>\n");
        assertThatThrownBy(() -> new Markup().declaration("<!x><script>"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
