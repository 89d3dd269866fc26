package dev.dovetail.web.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * How a request appears in the log: its method, the matched route's template and its request id, never its path
 * (paths carry manage, waitlist and webcal tokens, and OAuth codes arrive in query strings).
 */
public final class LoggedRoute {

  private LoggedRoute() {}

  public static String of(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    String template = route == null || route.getPath() == null ? "(no route)" : route.getPath();
    String id = ctx.response().headers().get("X-Request-Id");
    return ctx.request().method() + " " + template + (id == null ? "" : " [requestId=" + id + "]");
  }
}
