package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/** GET (RFC 4918 9.4) of a calendar object: its iCalendar text with its strong ETag. Collections are 405. */
public class GetMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.GET;
  }

  protected boolean withBody() {
    return true;
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    return req.tree().resolve(req.provider(), req.segments()).compose(target -> {
      if (!(target instanceof DavResource.CalendarObjectResource o)) {
        throw new DavException(405, null, "GET is for calendar objects; use PROPFIND or REPORT on collections");
      }
      String etag = o.object().etag();
      var response = req.ctx().response().putHeader("ETag", etag)
          .putHeader("Content-Type", "text/calendar; charset=utf-8");
      String inm = req.header("If-None-Match");
      if (inm != null && (inm.strip().equals("*") || inm.contains(etag))) {
        return response.setStatusCode(304).end();
      }
      if (!withBody()) {
        return response.putHeader("Content-Length",
            String.valueOf(o.object().ics().getBytes(StandardCharsets.UTF_8).length)).end();
      }
      return response.end(o.object().ics());
    });
  }
}
