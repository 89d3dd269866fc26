package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.calendar.port.in.WriteCalendar;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.List;

/**
 * DELETE (RFC 4918 9.6) of a calendar object: removes it (tombstone for sync) and frees its busy time; If-Match is
 * honoured; bookings' events are 403. A whole calendar can be deleted if it was made over CalDAV (not bookable) and
 * has no live booking; bookable resources are deleted in the dashboard, where their bookings are dealt with (403).
 */
public final class DeleteMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.DELETE;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    List<String> seg = req.segments();
    if (seg.size() == 3 && seg.get(0).equals("calendars") && seg.get(1).equals(req.principal().providerId())) {
      return req.tree().calendar(req.provider(), seg.get(2))
          .compose(cal -> req.services().writes().deleteCalendar(req.provider().id(), cal.resource().id()))
          .compose(v -> req.ctx().response().setStatusCode(204).end());
    }
    if (seg.size() != 4 || !seg.get(0).equals("calendars") || !seg.get(1).equals(req.principal().providerId())) {
      throw DavException.notFound();
    }
    String ifMatch = req.header("If-Match");
    return req.tree().calendar(req.provider(), seg.get(2))
        .compose(cal -> req.services().writes().delete(new WriteCalendar.DeleteObject(req.provider().id(),
            cal.resource().id(), seg.get(3), ifMatch == null ? null : ifMatch.strip())))
        .compose(v -> req.ctx().response().setStatusCode(204).end());
  }
}
