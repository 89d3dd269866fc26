package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:resourcetype (RFC 4918 15.9; RFC 4791 4.2 adds CALDAV:calendar; RFC 3744 principal). */
public final class ResourceTypeProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("resourcetype");
  }

  @Override
  public boolean supports(DavResource r) {
    return true;
  }

  @Override
  public String value(DavResource r) {
    if (r instanceof DavResource.CalendarResource) {
      return "<d:collection/><c:calendar/>";
    }
    if (r instanceof DavResource.PrincipalResource) {
      return "<d:collection/><d:principal/>";
    }
    return r.isCollection() ? "<d:collection/>" : "";
  }
}
