package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** CALDAV:supported-calendar-component-set (RFC 4791 5.2.3): VEVENT only, enforced on PUT. */
public final class SupportedCalendarComponentSetProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("supported-calendar-component-set");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return "<c:comp name=\"VEVENT\"/>";
  }
}
