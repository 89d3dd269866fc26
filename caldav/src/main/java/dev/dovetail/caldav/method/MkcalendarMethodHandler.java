package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/** MKCALENDAR (RFC 4791 5.3.1) in the provider's home: see {@link NewCalendar}. */
public final class MkcalendarMethodHandler implements DavMethodHandler {

  @Override
  public HttpMethod method() {
    return HttpMethod.valueOf("MKCALENDAR");
  }

  @Override
  public Future<Void> handle(DavRequest req) {
    return NewCalendar.create(req, NewCalendar.requestedProperties(req.body()));
  }
}
