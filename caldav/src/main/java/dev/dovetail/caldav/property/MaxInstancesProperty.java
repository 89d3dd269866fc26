package dev.dovetail.caldav.property;

import dev.dovetail.caldav.backend.RecurrenceLimits;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/**
 * CALDAV:max-instances (RFC 4791 5.2.8): the largest COUNT (and number of RDATE plus EXDATE values) of one object;
 * rules without COUNT or UNTIL are accepted and expanded per window.
 */
public final class MaxInstancesProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.caldav("max-instances");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource;
  }

  @Override
  public String value(DavResource r) {
    return String.valueOf(RecurrenceLimits.MAX_INSTANCES);
  }
}
