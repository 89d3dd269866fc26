package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:owner (RFC 3744 5.1): the provider who owns the calendar. */
public final class OwnerProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("owner");
  }

  @Override
  public boolean supports(DavResource r) {
    return !(r instanceof DavResource.RootResource);
  }

  @Override
  public String value(DavResource r) {
    return "<d:href>" + Hrefs.principal(r.owner().id()) + "</d:href>";
  }
}
