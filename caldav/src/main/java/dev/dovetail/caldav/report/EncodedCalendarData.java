package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.EncodedXml;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored objects' whole text as a report's {@code calendar-data} carries it: XML-escaped and UTF-8 encoded once per
 * object version, then written into every answer as it is ({@link EncodedXml}). Shared by every calendar and tenant
 * of the node, least recently used first out.
 *
 * <p><b>Never stale.</b> An entry is found by the object's etag and used only if it was made from the same text
 * (the same string, or an equal one): the bytes are a function of the text alone, so an object changed or deleted
 * (a new etag, a new text) or another tenant's object can only miss, never be answered with another text's bytes.
 *
 * <p><b>Bounded.</b> At most {@code maxEntries} entries and {@code maxBytes} in all, counting for each entry its
 * bytes and the text it keeps to compare (two bytes a character, whatever the string really takes). One object is at
 * most the maximum resource size (1 MiB by default, {@code DAV:max-resource-size}), so an entry is at most about
 * 8 MiB; a tenant with many large events only pushes older entries out.
 */
final class EncodedCalendarData {

  private record Entry(String ics, EncodedXml xml, long cost) {}

  private final int maxEntries;
  private final long maxBytes;
  private final Map<String, Entry> byEtag = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;

  EncodedCalendarData(int maxEntries, long maxBytes) {
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** The object's text, XML-escaped, as UTF-8. */
  EncodedXml of(CalendarObject object) {
    String ics = object.ics();
    synchronized (this) {
      Entry hit = byEtag.get(object.etag());
      if (hit != null && (hit.ics() == ics || hit.ics().equals(ics))) {
        return hit.xml();
      }
    }
    EncodedXml xml = new EncodedXml(Xml.escape(ics).getBytes(StandardCharsets.UTF_8));
    Entry entry = new Entry(ics, xml, xml.byteLength() + 2L * ics.length());
    synchronized (this) {
      Entry replaced = byEtag.put(object.etag(), entry);
      bytes += entry.cost() - (replaced == null ? 0 : replaced.cost());
      var eldest = byEtag.values().iterator();
      while ((byEtag.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
        bytes -= eldest.next().cost();
        eldest.remove();
      }
    }
    return xml;
  }

  /** What the entries count in all (bytes and kept text), at most {@code maxBytes}. */
  synchronized long bytes() {
    return bytes;
  }

  synchronized int size() {
    return byEtag.size();
  }
}
