package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.calendar.domain.CalendarComponents;
import javax.xml.namespace.QName;

/**
 * CALDAV:supported-calendar-component-set (RFC 4791 5.2.3): what the calendar holds ({@code CalendarComponents}:
 * VEVENT unless it was made for VTODO or VJOURNAL too), enforced on PUT.
 */
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
    var held = CalendarComponents.of(((DavResource.CalendarResource) r).collection());
    StringBuilder s = new StringBuilder();
    CalendarComponents.STORABLE.stream().filter(held::contains)
        .forEach(name -> s.append("<c:comp name=\"").append(name).append("\"/>"));
    return s.toString();
  }
}
