package dev.dovetail.caldav.property;

import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import javax.xml.namespace.QName;

/** DAV:supported-report-set (RFC 3253 3.1.5): the REPORTs a calendar answers. */
public final class SupportedReportSetProperty implements DavProperty {

  @Override
  public QName name() {
    return Ns.dav("supported-report-set");
  }

  @Override
  public boolean supports(DavResource r) {
    return r instanceof DavResource.CalendarResource || r instanceof DavResource.CalendarObjectResource;
  }

  @Override
  public String value(DavResource r) {
    return "<d:supported-report><d:report><c:calendar-multiget/></d:report></d:supported-report>"
        + "<d:supported-report><d:report><c:calendar-query/></d:report></d:supported-report>"
        + "<d:supported-report><d:report><c:free-busy-query/></d:report></d:supported-report>"
        + (r instanceof DavResource.CalendarResource
            ? "<d:supported-report><d:report><d:sync-collection/></d:report></d:supported-report>" : "");
  }
}
