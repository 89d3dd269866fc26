package dev.dovetail.caldav.dav;

import javax.xml.namespace.QName;

/** The XML namespaces CalDAV speaks, with the prefixes this server writes. */
public final class Ns {

  public static final String DAV = "DAV:";
  public static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
  public static final String CS = "http://calendarserver.org/ns/";
  public static final String APPLE = "http://apple.com/ns/ical/";
  /** Dovetail's own precondition elements (an overlap refusal, a read-only booking). */
  public static final String DOVETAIL = "https://dovetail.dev/ns/caldav";

  /** Declarations put on every root element we write. */
  public static final String DECLARATIONS = " xmlns:d=\"DAV:\" xmlns:c=\"" + CALDAV + "\" xmlns:cs=\"" + CS
      + "\" xmlns:a=\"" + APPLE + "\" xmlns:dt=\"" + DOVETAIL + "\"";

  private Ns() {}

  public static QName dav(String local) {
    return new QName(DAV, local);
  }

  public static QName caldav(String local) {
    return new QName(CALDAV, local);
  }

  public static QName dovetail(String local) {
    return new QName(DOVETAIL, local);
  }

  /** The element name with our prefix, or null if the namespace is not one of ours. */
  public static String prefixed(QName name) {
    String prefix = switch (name.getNamespaceURI()) {
      case DAV -> "d";
      case CALDAV -> "c";
      case CS -> "cs";
      case APPLE -> "a";
      case DOVETAIL -> "dt";
      default -> null;
    };
    return prefix == null ? null : prefix + ":" + name.getLocalPart();
  }

  /** An empty element for the name, declaring a foreign namespace locally when needed. */
  public static String empty(QName name) {
    String p = prefixed(name);
    if (p != null) {
      return "<" + p + "/>";
    }
    return "<x:" + name.getLocalPart() + " xmlns:x=\"" + Xml.escape(name.getNamespaceURI()) + "\"/>";
  }

  /** An element with the given inner XML. */
  public static String element(QName name, String innerXml) {
    return open(name) + innerXml + close(name);
  }

  /** The start tag of {@link #element}. */
  public static String open(QName name) {
    String p = prefixed(name);
    if (p == null) {
      return "<x:" + name.getLocalPart() + " xmlns:x=\"" + Xml.escape(name.getNamespaceURI()) + "\">";
    }
    return "<" + p + ">";
  }

  /** The end tag of {@link #element}. */
  public static String close(QName name) {
    String p = prefixed(name);
    return "</" + (p == null ? "x:" + name.getLocalPart() : p) + ">";
  }
}
