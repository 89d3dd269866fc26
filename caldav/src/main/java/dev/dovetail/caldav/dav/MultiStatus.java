package dev.dovetail.caldav.dav;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@code DAV:multistatus} body (RFC 4918 13, 14.16). */
public final class MultiStatus {

  private final StringBuilder b = new StringBuilder(1024)
      .append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus").append(Ns.DECLARATIONS).append('>');

  /** One response with a propstat per status; each list holds complete property elements. */
  public MultiStatus response(String href, Map<Integer, List<String>> propstats) {
    b.append("<d:response><d:href>").append(Xml.escape(href)).append("</d:href>");
    propstats(b, propstats);
    b.append("</d:response>");
    return this;
  }

  /** Appends a DAV:propstat per status (in status order, empty lists left out), as PROPPATCH and MKCALENDAR answer. */
  public static void propstats(StringBuilder b, Map<Integer, List<String>> propstats) {
    new TreeMap<>(propstats).forEach((status, props) -> {
      if (props.isEmpty()) {
        return;
      }
      b.append("<d:propstat><d:prop>");
      props.forEach(b::append);
      b.append("</d:prop><d:status>HTTP/1.1 ").append(status).append(' ').append(reason(status))
          .append("</d:status></d:propstat>");
    });
  }

  /** A response that is only a status (a missing href in a multiget, a removed member in a sync). */
  public MultiStatus status(String href, int status) {
    b.append("<d:response><d:href>").append(Xml.escape(href)).append("</d:href><d:status>HTTP/1.1 ")
        .append(status).append(' ').append(reason(status)).append("</d:status></d:response>");
    return this;
  }

  public MultiStatus raw(String xml) {
    b.append(xml);
    return this;
  }

  /** The XML not yet taken, closed: the whole body, or the rest of a streamed one ({@link #take}). */
  public String end() {
    return b.append("</d:multistatus>").toString();
  }

  /** How many characters are written and not yet taken. */
  public int pending() {
    return b.length();
  }

  /** The XML written since the last take, removed from this builder (a streamed answer sends it as one chunk). */
  public String take() {
    String chunk = b.toString();
    b.setLength(0);
    return chunk;
  }

  public static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 424 -> "Failed Dependency";
      case 507 -> "Insufficient Storage";
      default -> "Status";
    };
  }
}
