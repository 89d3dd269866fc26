package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** CALDAV:calendar-description (RFC 4791 5.2.1, set by PROPPATCH). */
public final class CalendarDescriptionProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("calendar-description");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource c && c.collection().properties().containsKey(DavProperties.DESCRIPTION);
  }

  @Override
  public String value(DavResource r) {
    return Xml.escape(((DavResource.CalendarResource) r).collection().properties().get(DavProperties.DESCRIPTION));
  }
}
