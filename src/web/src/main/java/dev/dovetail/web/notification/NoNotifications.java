package dev.dovetail.web.notification;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.in.NotificationLog;
import io.vertx.core.Future;
import java.util.List;

/** For an API built without notifications: a log with no messages, on the local sink; a resend finds no booking. */
public final class NoNotifications implements NotificationLog {

  @Override
  public Future<Page<Item>> list(String providerId, LogView view, PageRequest page) {
    return Future.succeededFuture(new Page<>(List.of(), null));
  }

  @Override
  public Delivery delivery() {
    return Delivery.LOCAL_SINK;
  }

  @Override
  public Future<Figures> figures(String providerId) {
    return Future.succeededFuture(new Figures(0, 0, 0, 0));
  }

  @Override
  public Future<Entry> get(String providerId, String messageId) {
    return Future.failedFuture(new NotFoundException("notification", messageId));
  }

  @Override
  public Future<OutboundMessage> resendConfirmation(String providerId, String bookingId) {
    return Future.failedFuture(new NotFoundException("booking", bookingId));
  }
}
