package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CS:getctag (CalendarServer ctag extension): changes whenever anything in the calendar changes. */
public final class GetCtagProperty implements DavProperty {

  @Override
  public QName name() {
    return new QName(Ns.CS, "getctag");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return "\"" + ((DavResource.CalendarResource) r).collection().sequence() + "\"";
  }
}
