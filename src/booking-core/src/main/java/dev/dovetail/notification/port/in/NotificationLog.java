package dev.dovetail.notification.port.in;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;

/** What a provider sees of the mail the hub sends for them: every message with its state, tenant-scoped. */
public interface NotificationLog {

  /** One message and, when the local sink kept it, its rendered content ({@code content} null otherwise). */
  record Entry(OutboundMessage message, MailMessage content) {}

  /** The provider's messages, latest due first. */
  Future<Page<OutboundMessage>> list(String providerId, PageRequest page);

  /** How many of the provider's messages were sent, failed, are pending or were skipped. */
  record Figures(long sent, long failed, long pending, long skipped) {}

  /** The provider's outbox figures. */
  Future<Figures> figures(String providerId);

  /** One of the provider's messages; another provider's or an unknown id fails with a NotFoundException. */
  Future<Entry> get(String providerId, String messageId);

  /** A log with no messages, for hubs wired without notifications. */
  static NotificationLog empty() {
    return new NotificationLog() {
      @Override
      public Future<Page<OutboundMessage>> list(String providerId, PageRequest page) {
        return Future.succeededFuture(new Page<>(java.util.List.of(), null));
      }

      @Override
      public Future<Figures> figures(String providerId) {
        return Future.succeededFuture(new Figures(0, 0, 0, 0));
      }

      @Override
      public Future<Entry> get(String providerId, String messageId) {
        return Future.failedFuture(new dev.dovetail.booking.domain.NotFoundException("notification", messageId));
      }
    };
  }
}
