package dev.dovetail.caldav.dav;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Request bodies are parsed with the JDK's DOM parser, namespace-aware, with DOCTYPE declarations refused outright
 * (so no DTD, no internal or external entity, no billion laughs) and every external access off. Output is written as
 * text with {@link #escape}.
 */
public final class Xml {

  private static final DocumentBuilderFactory FACTORY = factory();

  private Xml() {}

  private static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One parser per thread, reset after each body (making one costs more than parsing a small body). */
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
    try {
      return FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  });

  /** Parses a request body; malformed XML or a DOCTYPE is a 400. */
  public static Element parse(byte[] body) {
    DocumentBuilder builder = BUILDERS.get();
    try {
      builder.setErrorHandler(null);
      Document doc = builder.parse(new ByteArrayInputStream(body));
      return doc.getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new DavException(400, null, "the request body is not well-formed XML (DOCTYPE is not allowed)");
    } finally {
      builder.reset(); // back to the factory's settings (DOCTYPE refused, no external access) for the next body
    }
  }

  public static QName name(Element e) {
    return new QName(e.getNamespaceURI() == null ? "" : e.getNamespaceURI(), e.getLocalName());
  }

  public static boolean is(Element e, String ns, String local) {
    return ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName());
  }

  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el) {
        out.add(el);
      }
    }
    return out;
  }

  public static Element child(Element parent, String ns, String local) {
    for (Element e : children(parent)) {
      if (is(e, ns, local)) {
        return e;
      }
    }
    return null;
  }

  public static List<Element> childrenNamed(Element parent, String ns, String local) {
    return children(parent).stream().filter(e -> is(e, ns, local)).toList();
  }

  public static String escape(String s) {
    int same = 0;
    while (same < s.length() && kept(s.charAt(same))) {
      same++;
    }
    if (same == s.length()) {
      return s; // nothing to escape or drop (most hrefs)
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, same);
    for (int i = same; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** A character {@link #escape} writes as it is. */
  private static boolean kept(char c) {
    return c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' && (c >= 0x20 || c == '\t' || c == '\n'
        || c == '\r');
  }
}
