package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** CALDAV:calendar-user-address-set (RFC 6638 2.4.1): the provider's e-mail and principal. */
public final class CalendarUserAddressSetProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("calendar-user-address-set");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.PrincipalResource;
  }

  @Override
  public String value(DavResource r) {
    return "<d:href>mailto:" + Xml.escape(r.owner().email()) + "</d:href><d:href>" + Hrefs.principal(r.owner().id())
        + "</d:href>";
  }
}
