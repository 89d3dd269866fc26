package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:current-user-principal (RFC 5397 3): where the authenticated provider's principal lives. */
public final class CurrentUserPrincipalProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("current-user-principal");
  }

  @Override
  public boolean supports(DavResource r) {
    return true;
  }

  @Override
  public String value(DavResource r) {
    return "<d:href>" + Hrefs.principal(r.owner().id()) + "</d:href>";
  }
}
