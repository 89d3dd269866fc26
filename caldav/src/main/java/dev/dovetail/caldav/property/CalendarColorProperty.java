package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import javax.xml.namespace.QName;

/** Apple calendar-color (dead property, set by PROPPATCH). */
public final class CalendarColorProperty implements DavProperty {

  @Override
  public QName name() {
    return new QName(Ns.APPLE, "calendar-color");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource c && c.collection().properties().containsKey(DavProperties.COLOR);
  }

  @Override
  public String value(DavResource r) {
    return Xml.escape(((DavResource.CalendarResource) r).collection().properties().get(DavProperties.COLOR));
  }
}
