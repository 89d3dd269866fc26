package dev.dovetail.web.notification;

import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.web.codec.PageCodec;
import dev.dovetail.web.http.ApiProblem;
import dev.dovetail.web.http.Caller;
import dev.dovetail.web.http.Requests;
import dev.dovetail.web.http.Responses;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/v1/notifications[/{notificationId}]}: the mail sent (or owed) for the caller's bookings;
 * {@code /api/v1/notification-figures}: their counts by delivery state; a booking's confirmation sent once more.
 */
public final class NotificationsHandler {

  private final NotificationLog log;

  public NotificationsHandler(NotificationLog log) {
    this.log = log;
  }

  /** {@code ?view=all|activity|scheduled}: every message, what happened, or what will go out. */
  public void list(RoutingContext ctx) {
    String view = Requests.query(ctx, "view");
    LogView logView = view == null ? LogView.ALL : switch (view) {
      case "activity" -> LogView.ACTIVITY;
      case "scheduled" -> LogView.SCHEDULED;
      case "all" -> LogView.ALL;
      default -> throw ApiProblem.badRequest("'view' is all, activity or scheduled: " + view);
    };
    Responses.respond(ctx, log.list(Caller.providerId(ctx), logView, PageCodec.request(ctx)), 200,
        page -> PageCodec.toJson(page, NotificationCodec::item));
  }

  /** {@code GET /api/v1/notification-figures}: how many of the caller's mails were sent, failed or are pending. */
  public void figures(RoutingContext ctx) {
    Responses.respond(ctx, log.figures(Caller.providerId(ctx)), 200, f -> new JsonObject()
        .put("sent", f.sent()).put("failed", f.failed()).put("pending", f.pending()).put("skipped", f.skipped())
        .put("delivery", log.delivery().name()));
  }

  public void get(RoutingContext ctx) {
    Responses.respond(ctx, log.get(Caller.providerId(ctx), Requests.path(ctx, "notificationId")), 200,
        entry -> NotificationCodec.entry(entry).put("delivery", log.delivery().name()));
  }

  /** {@code POST /api/v1/bookings/{bookingId}/resend-confirmation}: the confirmation mail once more (202, queued). */
  public void resendConfirmation(RoutingContext ctx) {
    Responses.respond(ctx, log.resendConfirmation(Caller.providerId(ctx), Requests.path(ctx, "bookingId")), 202,
        NotificationCodec::toJson);
  }
}
