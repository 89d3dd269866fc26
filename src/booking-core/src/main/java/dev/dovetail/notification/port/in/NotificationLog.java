package dev.dovetail.notification.port.in;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;
import java.time.Instant;

/** What a provider sees of the mail the hub sends for them: every message with its state, tenant-scoped. */
public interface NotificationLog {

  /** One message and, when the local sink kept it, its rendered content ({@code content} null otherwise). */
  record Entry(OutboundMessage message, MailMessage content) {}

  /** The provider's messages, latest due first. */
  default Future<Page<OutboundMessage>> list(String providerId, PageRequest page) {
    return list(providerId, LogView.ALL, page).map(p -> new Page<>(p.items().stream().map(Item::message).toList(),
        p.nextCursor()));
  }

  /**
   * A message with what the provider knows it by: the booking's customer and start (null when it is not about a
   * booking, or the booking is gone).
   */
  record Item(OutboundMessage message, String customerName, Instant bookingStart) {}

  /**
   * The provider's messages in one view. The schedule leaves out the messages that will not go out when due, as the
   * dispatcher would decide now (a reminder of a cancelled or moved booking); a page may then hold fewer items.
   */
  Future<Page<Item>> list(String providerId, LogView view, PageRequest page);

  /** How this hub delivers mail. */
  enum Delivery {
    /** Over the configured SMTP server. */
    SMTP,
    /** Not sent: no SMTP server is configured, so mail is kept in the hub's local sink. */
    LOCAL_SINK
  }

  /** How this hub delivers mail. */
  Delivery delivery();

  /** How many of the provider's messages were sent, failed, are pending or were skipped. */
  record Figures(long sent, long failed, long pending, long skipped) {}

  /** The provider's outbox figures. */
  Future<Figures> figures(String providerId);

  /** One of the provider's messages; another provider's or an unknown id fails with a NotFoundException. */
  Future<Entry> get(String providerId, String messageId);

  /**
   * Queues the confirmation of one of the provider's confirmed bookings once more (at most one a minute: a repeat
   * within it returns the same message). Another provider's or an unknown booking fails with a NotFoundException, a
   * booking that is not confirmed with a ConflictException.
   */
  Future<OutboundMessage> resendConfirmation(String providerId, String bookingId);
}
