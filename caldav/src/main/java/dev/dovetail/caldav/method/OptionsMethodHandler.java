package dev.dovetail.caldav.method;

import dev.dovetail.caldav.dav.DavRequest;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;

/** OPTIONS (RFC 4918 10.1, RFC 4791 5.1): the compliance classes and the methods this server really implements. */
public final class OptionsMethodHandler implements DavMethodHandler {

  public static final String DAV = "1, 3, calendar-access, extended-mkcol";
  public static final String ALLOW = "OPTIONS, PROPFIND, PROPPATCH, MKCALENDAR, MKCOL, GET, HEAD, PUT, DELETE, REPORT";

  @Override
  public HttpMethod method() {
    return HttpMethod.OPTIONS;
  }

  @Override
  public boolean authenticated() {
    return false;
  }

  @Override
  public Future<Void> handle(DavRequest request) {
    return request.ctx().response().setStatusCode(200).putHeader("DAV", DAV).putHeader("Allow", ALLOW)
        .putHeader("Content-Length", "0").end();
  }
}
