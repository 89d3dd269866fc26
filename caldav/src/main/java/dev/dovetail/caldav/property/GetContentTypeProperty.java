package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:getcontenttype (RFC 4918 15.5; RFC 4791 4.1 text/calendar). */
public final class GetContentTypeProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("getcontenttype");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarObjectResource;
  }

  @Override
  public String value(DavResource r) {
    return "text/calendar; charset=utf-8; component=vevent";
  }
}
