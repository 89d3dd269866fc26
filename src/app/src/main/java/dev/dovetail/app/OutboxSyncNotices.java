package dev.dovetail.app;

import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.sync.app.ConnectionMail;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.web.calendar.CalendarConnectionCodec;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.PublishEvents;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells providers about calendar conflicts by mail through the notification outbox ({@code PROVIDER_CALENDAR_CONFLICT},
 * one per booking and booking sequence, so a repeated flag mails nothing new) and about broken connections
 * ({@code PROVIDER_CALENDAR_BROKEN} through {@link ConnectionMail}, one per connection and lost grant), and
 * integrators by a {@code calendar.connection_broken} webhook event (recorded first, once per break too). A broken
 * connection is also shown in the dashboard and the connections API ({@code state: BROKEN}) and logged.
 */
final class OutboxSyncNotices implements SyncNotices {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSyncNotices.class);

  private final OutboxRepository outbox;
  private final BookingRepository bookings;
  private final ProviderRepository providers;
  private final Clock clock;
  private final ConnectionMail connectionMail;
  private final Runnable nudge;
  private final PublishEvents webhooks;

  OutboxSyncNotices(OutboxRepository outbox, BookingRepository bookings, ProviderRepository providers, Clock clock,
      ConnectionMail connectionMail, Runnable nudge, PublishEvents webhooks) {
    this.outbox = outbox;
    this.webhooks = webhooks;
    this.connectionMail = connectionMail;
    this.bookings = bookings;
    this.providers = providers;
    this.clock = clock;
    this.nudge = nudge;
  }

  @Override
  public Future<Void> connectionBroken(Connection connection) {
    LOG.warn("provider {}: the {} calendar connection is broken ({}); they must connect again",
        connection.providerId(), connection.provider().key(), connection.brokenReason());
    return webhooks.publish(List.of(brokenEvent(connection)))
        .compose(v -> connectionMail.recordBroken(connection, clock.instant()))
        .andThen(done -> nudge.run());
  }

  /**
   * {@code calendar.connection_broken}, once per break like the mail: the subject is the connection and the grant it
   * lost, so a second node or a repeated notice records nothing new, and a break after reconnecting is a new event.
   */
  private WebhookEvent brokenEvent(Connection connection) {
    String subject = connection.id() + "@" + connection.connectedAt().toEpochMilli();
    return WebhookEvent.of(connection.providerId(), EventType.CALENDAR_CONNECTION_BROKEN, subject, 0, clock.instant(),
        CalendarConnectionCodec.connection(connection, List.of()));
  }

  @Override
  public Future<Void> bookingConflict(BookingConflict conflict) {
    return bookings.findById(conflict.bookingId()).compose(booking -> booking.isEmpty()
        ? Future.succeededFuture()
        : providers.findById(conflict.providerId()).compose(provider -> provider.isEmpty()
            ? Future.succeededFuture()
            : outbox.record(List.of(OutboundMessage.pending(conflict.providerId(), conflict.bookingId(),
                booking.get().revision(), MessageKind.PROVIDER_CALENDAR_CONFLICT, null, provider.get().email(),
                clock.instant(), clock.instant())))
                .andThen(done -> nudge.run())));
  }
}
