package dev.dovetail.web.pages;

import dev.dovetail.web.http.CallerAuthHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /dashboard}: the dashboard shell. It tells the module whether the request carries a live dashboard
 * session, so the module can show the log-in form at once instead of probing the API for a 401.
 */
final class DashboardPageHandler {

  private final Html page;
  private final Clock clock;

  DashboardPageHandler(Html page, Clock clock) {
    this.page = page;
    this.clock = clock;
  }

  void handle(RoutingContext ctx) {
    // Without a session cookie there is no session to look at; asking for one would create it.
    Session session = ctx.request().getCookie(CallerAuthHandler.SESSION_COOKIE) == null ? null : ctx.session();
    boolean signedIn = session != null && session.get(CallerAuthHandler.SESSION_PROVIDER) != null;
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .end(page.render(Html.withNow(Map.of("signedIn", Boolean.toString(signedIn)), clock)));
  }
}
