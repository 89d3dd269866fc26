package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import javax.xml.namespace.QName;

/**
 * dovetail:busy-clashes (read-only): instances of recurring events that entered the one-year busy window after a
 * booking took their time, so they do not block it ({@link RefreshBusyTime}); one {@code href start/end} per line.
 */
public final class BusyClashesProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dovetail("busy-clashes");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource c
        && c.collection().properties().containsKey(RefreshBusyTime.CLASHES);
  }

  @Override
  public String value(DavResource r) {
    return Xml.escape(((DavResource.CalendarResource) r).collection().properties().get(RefreshBusyTime.CLASHES));
  }
}
