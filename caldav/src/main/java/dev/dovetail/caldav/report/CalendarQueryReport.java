package dev.dovetail.caldav.report;

import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.caldav.backend.Occurrences;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.MultiStatus;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import net.fortuna.ical4j.model.Calendar;
import org.w3c.dom.Element;

/**
 * CALDAV:calendar-query (RFC 4791 7.8) with the filters clients use to sync a window: {@code comp-filter VCALENDAR}
 * containing {@code comp-filter VEVENT} (or VTODO/VJOURNAL, which match nothing here) with an optional
 * {@code time-range}, matched against the expanded recurrence set (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides;
 * at most 1000 instances per object). {@code prop-filter}, {@code param-filter} and {@code text-match} are refused
 * with 403 CALDAV:supported-filter rather than ignored. Matching runs on a worker thread; parsed objects are cached by
 * etag.
 */
public final class CalendarQueryReport implements DavReport {

  @Override
  public QName name() {
    return Ns.caldav("calendar-query");
  }

  private record Filter(boolean events, TimeRanges.Range range) {}

  @Override
  public Future<Void> run(DavRequest req, DavResource target, Element body) {
    if (!(target instanceof DavResource.CalendarResource cal)) {
      throw new DavException(403, null, "calendar-query runs on a calendar collection");
    }
    Filter filter = filter(Xml.child(body, Ns.CALDAV, "filter"));
    PropRequest what = PropRequest.from(body);
    List<CalendarObject> objects = cal.collection().objects();
    return req.vertx().executeBlocking(() -> {
      List<CalendarObject> hits = new ArrayList<>();
      if (!filter.events()) {
        return hits;
      }
      for (CalendarObject o : objects) {
        if (filter.range() == null || matches(o, filter.range(), cal)) {
          hits.add(o);
        }
      }
      return hits;
    }, false).compose(hits -> {
      MultiStatus ms = new MultiStatus();
      for (CalendarObject o : hits) {
        DavResource r = new DavResource.CalendarObjectResource(cal, o);
        ms.response(r.href(), what.render(r, CalendarData::extras));
      }
      return req.ctx().response().setStatusCode(207).putHeader("Content-Type", "application/xml; charset=utf-8")
          .end(ms.end());
    });
  }

  private static boolean matches(CalendarObject o, TimeRanges.Range range, DavResource.CalendarResource cal) {
    try {
      Calendar parsed = IcsParser.parseStored(o.etag(), o.ics());
      return !Occurrences.expand(parsed, range.start(), range.end(), cal.resource().zone(), 1).isEmpty();
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static Filter filter(Element filter) {
    if (filter == null) {
      throw new DavException(400, Ns.caldav("valid-filter"), "calendar-query needs a CALDAV:filter");
    }
    Element vcalendar = Xml.child(filter, Ns.CALDAV, "comp-filter");
    if (vcalendar == null || !"VCALENDAR".equalsIgnoreCase(vcalendar.getAttribute("name"))) {
      throw new DavException(400, Ns.caldav("valid-filter"), "the filter must start with comp-filter VCALENDAR");
    }
    refuseUnsupported(vcalendar);
    Element inner = Xml.child(vcalendar, Ns.CALDAV, "comp-filter");
    if (inner == null) {
      return new Filter(Xml.child(vcalendar, Ns.CALDAV, "is-not-defined") == null, null);
    }
    refuseUnsupported(inner);
    if (Xml.child(inner, Ns.CALDAV, "comp-filter") != null) {
      throw DavException.forbidden(Ns.caldav("supported-filter"), "nested comp-filters below VEVENT (VALARM) are"
          + " not supported");
    }
    boolean events = "VEVENT".equalsIgnoreCase(inner.getAttribute("name"))
        && Xml.child(inner, Ns.CALDAV, "is-not-defined") == null;
    Element tr = Xml.child(inner, Ns.CALDAV, "time-range");
    return new Filter(events, tr == null ? null : TimeRanges.parse(tr));
  }

  private static void refuseUnsupported(Element compFilter) {
    if (Xml.child(compFilter, Ns.CALDAV, "prop-filter") != null) {
      throw DavException.forbidden(Ns.caldav("supported-filter"), "prop-filter is not supported yet");
    }
  }
}
