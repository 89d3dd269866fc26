package dev.dovetail.web.notification;

import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.web.http.OperationHandlers;

/** The notification operations: the provider's log of sent mail, its figures, and resending a confirmation. */
public final class NotificationApi {

  private NotificationApi() {}

  public static void register(OperationHandlers operations, NotificationLog log) {
    NotificationsHandler notifications = new NotificationsHandler(log);
    operations
        .on("listNotifications", notifications::list)
        .on("getNotification", notifications::get)
        .on("getNotificationFigures", notifications::figures)
        .on("resendConfirmation", notifications::resendConfirmation);
  }
}
