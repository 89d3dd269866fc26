package dev.dovetail.caldav.method;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Small helpers to end DAV responses. */
final class Responses {

  static final String XML = "application/xml; charset=utf-8";

  private Responses() {}

  static Future<Void> multistatus(RoutingContext ctx, Buffer body) {
    return ctx.response().setStatusCode(207).putHeader("Content-Type", XML).end(body);
  }

  static Future<Void> empty(RoutingContext ctx, int status) {
    HttpServerResponse r = ctx.response().setStatusCode(status);
    return r.end();
  }
}
