package dev.mlops4j.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * A strict well-formedness check for report markup: the JDK's namespace-aware XML parser, failing on every warning and
 * error, with no external entity or DTD loaded. HTML that parses here has every element closed, every attribute quoted
 * and every special character escaped.
 */
public final class Xml {
    private Xml() {
    }

    /**
     * @param markup a document or a fragment with one root element
     * @return the parsed document
     * @throws AssertionError if it is not well-formed
     */
    public static Document parse(String markup) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return b.parse(new InputSource(new StringReader(markup)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + excerpt(markup, e), e);
        }
    }

    private static String excerpt(String markup, Exception e) {
        if (e instanceof SAXParseException p && p.getLineNumber() > 0) {
            String[] lines = markup.split("\n", -1);
            return p.getLineNumber() <= lines.length ? lines[p.getLineNumber() - 1] : "";
        }
        return "";
    }

    /**
     * @param root where to search
     * @param localName element name without namespace
     * @return every such element under the root, in document order
     */
    public static List<Element> all(Node root, String localName) {
        NodeList nodes = root instanceof Document d ? d.getElementsByTagNameNS("*", localName)
                : ((Element) root).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /**
     * @param root where to search
     * @return every element under the root, in document order
     */
    public static List<Element> elements(Node root) {
        return all(root, "*");
    }

    /**
     * @param doc a document
     * @param id an id attribute value
     * @return the element with that id
     */
    public static Element byId(Document doc, String id) {
        return elements(doc).stream().filter(e -> id.equals(e.getAttribute("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no element with id " + id));
    }

    /**
     * @param e an element
     * @return its text with runs of whitespace collapsed
     */
    public static String text(Element e) {
        return e.getTextContent().replaceAll("\\s+", " ").strip();
    }

    /**
     * @param row a table row
     * @return the text of its header and data cells, in order
     */
    public static List<String> cells(Element row) {
        return elements(row).stream().filter(e -> e.getLocalName().equals("td") || e.getLocalName().equals("th"))
                .map(Xml::text).toList();
    }

    /**
     * @param doc a document
     * @param section the id of the element holding the table
     * @param first the text of the row's first cell
     * @return that row
     */
    public static Element row(Document doc, String section, String first) {
        return all(byId(doc, section), "tr").stream()
                .filter(r -> !cells(r).isEmpty() && cells(r).get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + first + "' in section " + section));
    }
}
