package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CALDAV:max-date-time (RFC 4791 5.2.7): the bound of the time ranges this server evaluates. */
public final class MaxDateTimeProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("max-date-time");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return "22000101T000000Z";
  }
}
