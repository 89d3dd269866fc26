package dev.dovetail.caldav.report;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import io.vertx.core.Future;
import java.time.Instant;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * CALDAV:free-busy-query (RFC 4791 7.10): a VFREEBUSY of the resource's blocking time in the range, read from the
 * {@code Schedule} (bookings and holds with their buffers, busy time of opaque events), answered 200 text/calendar.
 */
public final class FreeBusyQueryReport implements DavReport {

  @Override
  public QName name() {
    return Ns.caldav("free-busy-query");
  }

  @Override
  public Future<Void> run(DavRequest req, DavResource target, Element body) {
    if (!(target instanceof DavResource.CalendarResource cal)) {
      throw new DavException(403, null, "free-busy-query runs on a calendar collection");
    }
    Element tr = Xml.child(body, Ns.CALDAV, "time-range");
    if (tr == null) {
      throw new DavException(400, Ns.caldav("valid-filter"), "free-busy-query needs a time-range");
    }
    TimeRanges.Range range = TimeRanges.parse(tr);
    Instant now = req.services().clock().instant();
    return req.backend().blocks(cal.resource().id()).compose(blocks -> {
      StringBuilder s = new StringBuilder();
      s.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//CalDAV//EN\r\nBEGIN:VFREEBUSY\r\n");
      s.append("DTSTAMP:").append(TimeRanges.UTC.format(now)).append("\r\n");
      s.append("DTSTART:").append(TimeRanges.UTC.format(range.start())).append("\r\n");
      s.append("DTEND:").append(TimeRanges.UTC.format(range.end())).append("\r\n");
      for (Block b : blocks) {
        Instant start = b.span().start();
        Instant end = b.span().end();
        if (start.isBefore(range.end()) && end.isAfter(range.start())) {
          Instant from = start.isBefore(range.start()) ? range.start() : start;
          Instant to = end.isAfter(range.end()) ? range.end() : end;
          s.append("FREEBUSY;FBTYPE=BUSY:").append(TimeRanges.UTC.format(from)).append('/')
              .append(TimeRanges.UTC.format(to)).append("\r\n");
        }
      }
      s.append("END:VFREEBUSY\r\nEND:VCALENDAR\r\n");
      return req.ctx().response().setStatusCode(200).putHeader("Content-Type", "text/calendar; charset=utf-8")
          .end(s.toString());
    });
  }
}
