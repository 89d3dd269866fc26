package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** CALDAV:max-resource-size (RFC 4791 5.2.5): the body limit. */
public final class MaxResourceSizeProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("max-resource-size");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return String.valueOf(DavProperties.maxResourceSize());
  }
}
