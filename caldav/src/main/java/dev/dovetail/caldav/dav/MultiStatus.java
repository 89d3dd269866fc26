package dev.dovetail.caldav.dav;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds a {@code DAV:multistatus} body (RFC 4918 13, 14.16) as UTF-8 bytes, ready to send (no intermediate text
 * copy of a large answer); a streamed answer takes them out chunk by chunk ({@link MultiStatusStream}).
 *
 * <p>The body is a list of byte slices, not one growing array: the text written here is encoded into buffers that
 * never grow (a full one is closed and a new one started), and an {@link EncodedXml} value (a cached object's
 * escaped calendar-data) is put in the list as it is, neither encoded nor copied per request. Netty writes the list
 * to the socket in one copy.
 */
public final class MultiStatus {

  private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus" + Ns.DECLARATIONS
      + '>';
  /** The size of each buffer the text between cached values is encoded into. */
  private static final int TEXT_BYTES = 16 * 1024;
  /** Text longer than this (an expanded or partial calendar-data) is encoded on its own, exactly sized. */
  private static final int LONG_TEXT_CHARS = TEXT_BYTES / 4;

  private CompositeByteBuf body = newBody();
  private ByteBuf text = Unpooled.buffer(TEXT_BYTES);
  /** Where the text not yet in {@link #body} starts. */
  private int textFrom;

  public MultiStatus() {
    append(HEAD);
  }

  /** One response with a propstat per status; each list holds the property elements' XML, written in order. */
  public MultiStatus response(String href, Map<Integer, ? extends List<? extends CharSequence>> propstats) {
    append("<d:response><d:href>");
    append(Xml.escape(href));
    append("</d:href>");
    propstats(this::append, propstats);
    append("</d:response>");
    return this;
  }

  /** Appends a DAV:propstat per status (in status order, empty lists left out), as PROPPATCH and MKCALENDAR answer. */
  public static void propstats(StringBuilder b, Map<Integer, ? extends List<? extends CharSequence>> propstats) {
    propstats(b::append, propstats);
  }

  private static void propstats(Consumer<CharSequence> out,
      Map<Integer, ? extends List<? extends CharSequence>> propstats) {
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
    append("<d:response><d:href>");
    append(Xml.escape(href));
    append("</d:href><d:status>HTTP/1.1 " + status + " " + reason(status) + "</d:status></d:response>");
    return this;
  }

  public MultiStatus raw(String xml) {
    append(xml);
    return this;
  }

  /** The body not yet taken, closed: the whole answer, or the rest of a streamed one ({@link #take}). */
  public Buffer end() {
    append("</d:multistatus>");
    return take();
  }

  /** How many bytes are written and not yet taken. */
  public int pending() {
    return body.writerIndex() + text.writerIndex() - textFrom;
  }

  /** The bytes written since the last take, removed from this builder (a streamed answer sends them as one chunk). */
  public Buffer take() {
    closeText();
    Buffer chunk = BufferInternal.buffer(body);
    body = newBody();
    text = Unpooled.buffer(TEXT_BYTES); // the taken slices keep theirs, read by the event loop while this goes on
    textFrom = 0;
    return chunk;
  }

  private void append(CharSequence xml) {
    if (xml instanceof EncodedXml encoded) {
      closeText();
      body.addComponent(true, Unpooled.wrappedBuffer(encoded.utf8()));
      return;
    }
    if (xml.length() > LONG_TEXT_CHARS) {
      closeText();
      body.addComponent(true, Unpooled.wrappedBuffer(xml.toString().getBytes(StandardCharsets.UTF_8)));
      return;
    }
    if (text.writableBytes() < 3 * xml.length()) { // the most UTF-8 can take per char: the buffer never grows
      closeText();
      text = Unpooled.buffer(TEXT_BYTES);
      textFrom = 0;
    }
    text.writeCharSequence(xml, StandardCharsets.UTF_8);
  }

  /** Puts the text written since the last cached value or take into the body, as a slice of its buffer. */
  private void closeText() {
    int end = text.writerIndex();
    if (end > textFrom) {
      body.addComponent(true, text.retainedSlice(textFrom, end - textFrom));
      textFrom = end;
    }
  }

  /** Not leak-tracked: heap memory only, collected as any object (Vert.x never releases what it is given). */
  private static CompositeByteBuf newBody() {
    return new CompositeByteBuf(UnpooledByteBufAllocator.DEFAULT, false, Integer.MAX_VALUE);
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
