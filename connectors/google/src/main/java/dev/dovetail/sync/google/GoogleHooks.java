package dev.dovetail.sync.google;

import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.port.in.ReceivePush;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts {@code POST /hooks/google}, where Google Calendar push channels notify (no body; the channel id and the
 * secret token come in {@code X-Goog-Channel-ID} / {@code X-Goog-Channel-Token}). Google sends no credentials, so the
 * route sits ahead of the API's root chain and is authenticated by the channel token alone: 200 for a live channel of
 * this hub (a sync is requested; the notification is only a hint), 404 for anything else (spoofed, stale, unknown),
 * 500 if the store failed, so that Google retries. It lives with the connector, as {@code OutlookHooks} does, since it
 * speaks Google's protocol (ADR 54).
 */
public final class GoogleHooks {

  public static final String PATH = "/hooks/google";

  private GoogleHooks() {}

  public static Router mount(Router router, ReceivePush receiver) {
    router.post(PATH).order(RouteOrder.GOOGLE_HOOKS).handler(ctx -> handle(ctx, receiver));
    return router;
  }

  private static void handle(RoutingContext ctx, ReceivePush receiver) {
    receiver.pushed(CalendarProvider.GOOGLE, ctx.request().getHeader("X-Goog-Channel-ID"),
        ctx.request().getHeader("X-Goog-Channel-Token")).onComplete(ar -> {
          int status = ar.failed() ? 500 : ar.result() ? 200 : 404;
          ctx.response().setStatusCode(status).end();
        });
  }
}
