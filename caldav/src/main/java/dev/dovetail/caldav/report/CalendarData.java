package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/**
 * CALDAV:calendar-data in a report response (RFC 4791 9.6): the whole object. Partial retrieval ({@code comp},
 * {@code prop}), {@code expand} and {@code limit-recurrence-set} are not applied yet: the full object is returned,
 * which RFC 4791 allows clients to cope with but is not exact.
 */
final class CalendarData {

  private static final QName NAME = Ns.caldav("calendar-data");

  private CalendarData() {}

  static String extras(DavResource r, QName name) {
    if (NAME.equals(name) && r instanceof DavResource.CalendarObjectResource o) {
      return Xml.escape(o.object().ics());
    }
    return null;
  }
}
