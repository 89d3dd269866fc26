package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** DAV:displayname (RFC 4918 15.2): the name set by PROPPATCH, else the resource's or provider's name. */
public final class DisplayNameProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("displayname");
  }

  @Override
  public boolean supports(DavResource r) {
    return true;
  }

  @Override
  public String value(DavResource r) {
    if (r instanceof DavResource.CalendarResource c) {
      return Xml.escape(c.collection().properties().getOrDefault(DavProperties.DISPLAYNAME, c.resource().name()));
    }
    if (r instanceof DavResource.CalendarObjectResource o) {
      return Xml.escape(o.object().href());
    }
    return Xml.escape(r.owner().displayName());
  }
}
