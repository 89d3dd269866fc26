package dev.dovetail.web.provider;

import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.web.codec.NotificationCodec;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/notifications[/{notificationId}]}: the mail sent (or owed) for the caller's bookings;
 * {@code /api/v1/notification-figures}: their counts by delivery state.
 */
public final class NotificationsHandler {

  private final NotificationLog log;

  public NotificationsHandler(NotificationLog log) {
    this.log = log;
  }

  public void list(RoutingContext ctx) {
    Responses.respond(ctx, log.list(Caller.providerId(ctx), PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, NotificationCodec::toJson));
  }

  /** {@code GET /api/v1/notification-figures}: how many of the caller's mails were sent, failed or are pending. */
  public void figures(RoutingContext ctx) {
    Responses.respond(ctx, log.figures(Caller.providerId(ctx)), 200, f -> new io.vertx.core.json.JsonObject()
        .put("sent", f.sent()).put("failed", f.failed()).put("pending", f.pending()).put("skipped", f.skipped()));
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, log.get(Caller.providerId(ctx), Requests.path(ctx, "notificationId")), 200,
        NotificationCodec::entry);
  }
}
