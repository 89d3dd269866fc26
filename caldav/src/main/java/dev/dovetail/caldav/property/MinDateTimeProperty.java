package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CALDAV:min-date-time (RFC 4791 5.2.6): the bound of the time ranges this server evaluates. */
public final class MinDateTimeProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("min-date-time");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return "19000101T000000Z";
  }
}
