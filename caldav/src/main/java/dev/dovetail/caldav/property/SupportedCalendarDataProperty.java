package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CALDAV:supported-calendar-data (RFC 4791 5.2.4): iCalendar 2.0. */
public final class SupportedCalendarDataProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("supported-calendar-data");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return "<c:calendar-data content-type=\"text/calendar\" version=\"2.0\"/>";
  }
}
