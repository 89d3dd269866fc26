package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.port.in.ReadCalendar;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * CALDAV:free-busy-query (RFC 4791 7.10): a VFREEBUSY of the resource's blocking time in the whole range: the
 * {@code Schedule}'s blocks (bookings and holds with their buffers, busy time of opaque events, placed one year
 * ahead) plus the opaque client events expanded over the range (so an event years ahead is reported too), merged,
 * answered 200 text/calendar. Both come from the calendar use case ({@code ReadCalendar.blockedTime} and
 * {@code busyInstances}). Bounded like every expansion, and by the request's budget.
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
    ReadCalendar reads = req.services().reads();
    return reads.blockedTime(cal.owner().id(), cal.resource().id(), range.start(), range.end())
        .compose(blocked -> req.vertx().executeBlocking(() -> {
          // busy time is materialised one year ahead; client events are expanded over the whole range asked for
          List<TimeRange> busy = new ArrayList<>(blocked);
          req.indexOutsideBudget(cal.calendar());
          busy.addAll(reads.busyInstances(cal.calendar(), range.start(), range.end(), req.budget()::check));
          return render(now, range, busy);
        }, false))
        .compose(text -> req.ctx().response().setStatusCode(200)
            .putHeader("Content-Type", "text/calendar; charset=utf-8").end(text));
  }

  /** The busy periods clipped to the range, merged where they overlap or touch, in order. */
  private static String render(Instant now, TimeRanges.Range range, List<TimeRange> busy) {
    List<TimeRange> clipped = new ArrayList<>();
    for (TimeRange o : busy) {
      if (o.start().isBefore(range.end()) && o.end().isAfter(range.start())) {
        clipped.add(new TimeRange(o.start().isBefore(range.start()) ? range.start() : o.start(),
            o.end().isAfter(range.end()) ? range.end() : o.end()));
      }
    }
    clipped.sort(Comparator.comparing(TimeRange::start));
    StringBuilder s = new StringBuilder();
    s.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//CalDAV//EN\r\nBEGIN:VFREEBUSY\r\n");
    s.append("DTSTAMP:").append(TimeRanges.UTC.format(now)).append("\r\n");
    s.append("DTSTART:").append(TimeRanges.UTC.format(range.start())).append("\r\n");
    s.append("DTEND:").append(TimeRanges.UTC.format(range.end())).append("\r\n");
    Instant from = null;
    Instant to = null;
    for (TimeRange o : clipped) {
      if (from != null && !o.start().isAfter(to)) {
        to = o.end().isAfter(to) ? o.end() : to;
        continue;
      }
      if (from != null) {
        period(s, from, to);
      }
      from = o.start();
      to = o.end();
    }
    if (from != null) {
      period(s, from, to);
    }
    return s.append("END:VFREEBUSY\r\nEND:VCALENDAR\r\n").toString();
  }

  private static void period(StringBuilder s, Instant from, Instant to) {
    s.append("FREEBUSY;FBTYPE=BUSY:").append(TimeRanges.UTC.format(from)).append('/')
        .append(TimeRanges.UTC.format(to)).append("\r\n");
  }
}
