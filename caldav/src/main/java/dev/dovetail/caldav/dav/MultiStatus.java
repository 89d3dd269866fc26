package dev.dovetail.caldav.dav;

import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds a {@code DAV:multistatus} body (RFC 4918 13, 14.16) as UTF-8 bytes, ready to send (no intermediate text
 * copy of a large answer); a streamed answer takes them out chunk by chunk ({@link MultiStatusStream}).
 */
public final class MultiStatus {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus" + Ns.DECLARATIONS
      + '>';

  private Buffer b = Buffer.buffer(1024).appendString(HEAD);

  /** One response with a propstat per status; each list holds the property elements' XML, written in order. */
  public MultiStatus response(String href, Map<Integer, List<String>> propstats) {
    b.appendString("<d:response><d:href>").appendString(Xml.escape(href)).appendString("</d:href>");
    propstats(b::appendString, propstats);
    b.appendString("</d:response>");
    return this;
  }

  /** Appends a DAV:propstat per status (in status order, empty lists left out), as PROPPATCH and MKCALENDAR answer. */
  public static void propstats(StringBuilder b, Map<Integer, List<String>> propstats) {
    propstats(b::append, propstats);
  }

  private static void propstats(Consumer<String> out, Map<Integer, List<String>> propstats) {
    new TreeMap<>(propstats).forEach((status, props) -> {
      if (props.isEmpty()) {
        return;
      }
      out.accept("<d:propstat><d:prop>");
      props.forEach(out);
      out.accept("</d:prop><d:status>HTTP/1.1 " + status + ' ' + reason(status) + "</d:status></d:propstat>");
    });
  }

  /** A response that is only a status (a missing href in a multiget, a removed member in a sync). */
  public MultiStatus status(String href, int status) {
    b.appendString("<d:response><d:href>").appendString(Xml.escape(href)).appendString("</d:href><d:status>HTTP/1.1 ")
        .appendString(status + " " + reason(status)).appendString("</d:status></d:response>");
    return this;
  }

  public MultiStatus raw(String xml) {
    b.appendString(xml);
    return this;
  }

  /** The body not yet taken, closed: the whole answer, or the rest of a streamed one ({@link #take}). */
  public Buffer end() {
    return b.appendString("</d:multistatus>");
  }

  /**
   * Makes room for about {@code bytes} more at once, so that a large answer is not built by doubling its buffer from
   * 1 KiB (each doubling a new array and a copy: about a tenth of a calendar-data query's CPU samples, issue 17).
   */
  public void expect(int bytes) {
    if (bytes > 0) {
      Buffer bigger = Buffer.buffer(b.length() + bytes);
      b = bigger.appendBuffer(b);
    }
  }

  /** How many bytes are written and not yet taken. */
  public int pending() {
    return b.length();
  }

  /** The bytes written since the last take, removed from this builder (a streamed answer sends them as one chunk). */
  public Buffer take() {
    Buffer chunk = b;
    b = Buffer.buffer(chunk.length() + chunk.length() / 4); // the next chunk is likely as long: no regrowing
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
