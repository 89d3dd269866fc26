package dev.dovetail.web.calendar;

import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.port.in.ManageConnections;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * {@code /api/v1/calendar-connections[/{service}[/connect|/callback|/calendars]]}: the caller's Google and Outlook
 * connections. {@code connect} redirects the browser to the service's consent page; the service sends it back to
 * {@code callback}, which stores the grant and redirects to the dashboard. A calendar service that does not answer is
 * a 502 problem.
 */
public final class CalendarConnectionsHandler {

  static final String DASHBOARD = "/dashboard#calendars";

  private final ManageConnections connections;

  public CalendarConnectionsHandler(ManageConnections connections) {
    this.connections = connections;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, connections.list(Caller.providerId(ctx)), 200,
        views -> CalendarConnectionCodec.views(views, connections.available()));
  }

  public void connect(RoutingContext ctx) {
    String url;
    try {
      url = connections.startConnect(Caller.providerId(ctx),
          CalendarConnectionCodec.service(Requests.path(ctx, "service")));
    } catch (RuntimeException e) {
      ctx.fail(e);
      return;
    }
    ctx.response().setStatusCode(302).putHeader("Location", url).putHeader("Cache-Control", "no-store").end();
  }

  public void callback(RoutingContext ctx) {
    String error = Requests.query(ctx, "error");
    Future<?> done = Responses.attempt(() -> {
      var service = CalendarConnectionCodec.service(Requests.path(ctx, "service"));
      if (error != null) {
        throw ApiProblem.badRequest("the calendar service did not grant access: " + error);
      }
      return connections.completeConnect(Caller.providerId(ctx), service, Requests.query(ctx, "state"),
          Requests.query(ctx, "code"));
    });
    unavailableAs502(done).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      ctx.response().setStatusCode(303).putHeader("Location", DASHBOARD).putHeader("Cache-Control", "no-store").end();
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
        c -> CalendarConnectionCodec.connection(c, java.util.List.of()));
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
