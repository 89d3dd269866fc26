package dev.dovetail.caldav.method;

import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.caldav.backend.ParsedEvent;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.calendar.port.in.WriteCalendar;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.Locale;

/**
 * PUT of a calendar object (RFC 4791 5.3.2): If-Match / If-None-Match: * (RFC 7232), text/calendar only
 * (CALDAV:supported-calendar-data), parsed and validated by ical4j on a worker thread (CALDAV:valid-calendar-data,
 * CALDAV:supported-calendar-component, CALDAV:no-uid-conflict), then written through the calendar use case ({@code WriteCalendar}), which
 * turns an opaque event into busy time and refuses an overlap with a booking (403 dovetail:no-booking-overlap).
 * Bookings' own events are read-only (403 dovetail:booking-is-read-only). 201 when created, 204 when replaced.
 */
public final class PutMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.PUT;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    List<String> seg = req.segments();
    if (seg.size() != 4 || !seg.get(0).equals("calendars") || !seg.get(1).equals(req.principal().providerId())) {
      throw new DavException(seg.size() == 4 ? 404 : 405, null, "PUT is for calendar objects inside a calendar");
    }
    String name = seg.get(3);
    if (name.length() > 255 || name.startsWith(".")) {
      throw new DavException(400, null, "object names are 1 to 255 characters and do not start with a dot");
    }
    String type = req.header("Content-Type");
    if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/calendar")) {
      throw DavException.forbidden(Ns.caldav("supported-calendar-data"), "calendar objects must be text/calendar");
    }
    String ifMatch = req.header("If-Match");
    String ifNoneMatch = req.header("If-None-Match");
    boolean ifNoneMatchStar = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
    String ics = req.bodyText();
    // the resource alone (its zone reads floating times); the write reads the calendar under the resource's lock
    return req.tree().calendarResource(req.provider(), seg.get(2)).compose(resource -> req.vertx()
        .executeBlocking(() -> IcsParser.parseForPut(ics, resource.zone(), req.services().clock().instant()),
            false)
        .compose((ParsedEvent event) -> req.services().writes().put(new WriteCalendar.PutObject(
            req.provider().id(), resource.id(), name, event.uid(), event.component(), ics, event.blocking(),
            ifMatch == null ? null : ifMatch.strip(), ifNoneMatchStar))))
        .compose(outcome -> req.ctx().response().setStatusCode(outcome.created() ? 201 : 204)
            .putHeader("ETag", outcome.etag()).end());
  }
}
