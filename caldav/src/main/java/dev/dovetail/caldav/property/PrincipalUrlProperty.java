package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:principal-URL (RFC 3744 4.2). */
public final class PrincipalUrlProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("principal-URL");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.PrincipalResource;
  }

  @Override
  public String value(DavResource r) {
    return "<d:href>" + Hrefs.principal(r.owner().id()) + "</d:href>";
  }
}
