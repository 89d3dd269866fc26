package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CALDAV:calendar-home-set (RFC 4791 6.2.1). */
public final class CalendarHomeSetProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("calendar-home-set");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.PrincipalResource;
  }

  @Override
  public String value(DavResource r) {
    return "<d:href>" + Hrefs.home(r.owner().id()) + "</d:href>";
  }
}
