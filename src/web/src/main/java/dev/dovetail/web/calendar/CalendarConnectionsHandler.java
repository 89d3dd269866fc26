package dev.dovetail.web.calendar;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/calendar-connections[/{service}[/connect|/callback|/calendars]]}: the caller's Google and Outlook
 * connections. {@code connect} redirects the browser to the service's consent page; the service sends it back to
 * {@code callback}, which stores the grant and answers a page that goes on to the dashboard. A calendar service that does not answer is
 * a 502 problem.
 *
 * <p>The callback is reached by a navigation that the service's site starts, so the browser does not send the
 * {@code SameSite=Strict} session cookie with it (ADR 26). It is therefore an open operation: the signed state names
 * the provider, and a {@code SameSite=Lax} nonce cookie that {@code connect} set (ten minutes, this path only) binds
 * the flow to the browser that started it. Without that cookie the callback stores nothing.
 */
public final class CalendarConnectionsHandler {

  static final String DASHBOARD = "/dashboard#calendars";
  static final String CONNECTED_PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      + "<meta http-equiv=\"refresh\" content=\"0;url=" + DASHBOARD + "\">"
      + "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\"><title>Calendar connected · Dovetail"
      + "</title></head><body><main><h1>Calendar connected</h1><p><a id=\"continue\" href=\"" + DASHBOARD
      + "\">Continue to the dashboard</a></p></main></body></html>";
  /** The connect flow's browser nonce; sent back only to the connection routes. */
  public static final String NONCE_COOKIE = "dovetail.connect";
  static final String NONCE_PATH = "/api/v1/calendar-connections/";
  static final long NONCE_SECONDS = 600;

  private final ManageConnections connections;
  private final boolean secureCookies;

  /** {@code secureCookies}: whether the nonce cookie is {@code Secure} (as the session cookie is). */
  public CalendarConnectionsHandler(ManageConnections connections, boolean secureCookies) {
    this.connections = connections;
    this.secureCookies = secureCookies;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, connections.list(Caller.providerId(ctx)), 200,
        views -> CalendarConnectionCodec.views(views, connections.available()));
  }

  public void connect(RoutingContext ctx) {
    String url;
    String nonce = Ids.randomToken(24);
    try {
      url = connections.startConnect(Caller.providerId(ctx),
          CalendarConnectionCodec.service(Requests.path(ctx, "service")), nonce);
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    ctx.response().addCookie(nonceCookie(nonce, NONCE_SECONDS));
    ctx.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end();
  }

  public void callback(RoutingContext ctx) {
    String error = Requests.query(ctx, "error");
    Cookie nonce = ctx.request().getCookie(NONCE_COOKIE);
    Future<?> done = Responses.attempt(() -> {
      var service = CalendarConnectionCodec.service(Requests.path(ctx, "service"));
      if (error != null) {
        throw ApiProblem.badRequest("the calendar service did not grant access: " + error);
      }
      return connections.completeConnect(service, Requests.query(ctx, "state"), Requests.query(ctx, "code"),
          nonce == null ? null : nonce.getValue());
    });
    if (nonce != null) {
      ctx.response().addCookie(nonceCookie("", 0)); // one flow, one callback
    }
    unavailableAs502(done).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      // Not a 303: a redirect would stay part of the navigation the service's site started, and the dashboard would
      // load without the Strict session cookie (signed out). This page's own refresh is a same-site navigation.
      ctx.response().setStatusCode(200).putHeader("Content-Type", "text/html; charset=utf-8")
          .putHeader("Cache-Control", "no-store").end(CONNECTED_PAGE);
    });
  }

  public void calendars(RoutingContext ctx) {
    Responses.respond(ctx, unavailableAs502(Responses.attempt(() -> connections.calendars(Caller.providerId(ctx),
        CalendarConnectionCodec.service(Requests.path(ctx, "service"))))), 200, CalendarConnectionCodec::calendars);
  }

  public void choose(RoutingContext ctx) {
    Responses.respond(ctx, unavailableAs502(Responses.attempt(() -> connections.choose(Caller.providerId(ctx),
            CalendarConnectionCodec.service(Requests.path(ctx, "service")),
            CalendarConnectionCodec.choice(Requests.body(ctx))))), 200,
        c -> CalendarConnectionCodec.connection(c, List.of()));
  }

  public void disconnect(RoutingContext ctx) {
    unavailableAs502(Responses.attempt(() -> connections.disconnect(Caller.providerId(ctx),
        CalendarConnectionCodec.service(Requests.path(ctx, "service"))))).onComplete(ar -> {
          if (ar.failed()) {
            ctx.fail(ar.cause());
          } else {
            Responses.noContent(ctx);
          }
        });
  }

  private Cookie nonceCookie(String value, long maxAgeSeconds) {
    return Cookie.cookie(NONCE_COOKIE, value).setPath(NONCE_PATH).setMaxAge(maxAgeSeconds).setHttpOnly(true)
        .setSecure(secureCookies).setSameSite(CookieSameSite.LAX);
  }

  private static <T> Future<T> unavailableAs502(Future<T> call) {
    return call.recover(err -> {
      if (err instanceof ConnectorException.AuthorizationRevoked) {
        return Future.failedFuture(new ApiProblem(409, "calendar-connection-broken", "The connection is broken",
            "the calendar service refused the grant; connect again", Map.of()));
      }
      if (err instanceof ConnectorException.Rejected) {
        return Future.failedFuture(ApiProblem.badRequest("the calendar service refused: " + err.getMessage()));
      }
      if (err instanceof ConnectorException) {
        return Future.failedFuture(new ApiProblem(502, "calendar-service-unavailable",
            "The calendar service did not answer", "try again shortly: " + err.getMessage(), Map.of()));
      }
      return Future.failedFuture(err);
    });
  }
}
