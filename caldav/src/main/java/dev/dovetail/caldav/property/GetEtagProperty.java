package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** DAV:getetag (RFC 4918 15.6): the object's strong entity tag. */
public final class GetEtagProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("getetag");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarObjectResource;
  }

  @Override
  public String value(DavResource r) {
    return Xml.escape(((DavResource.CalendarObjectResource) r).object().etag());
  }
}
