package dev.dovetail.webhook.app;

import dev.dovetail.booking.port.out.Acknowledged;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.PublishEvents;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * Turns booking changes into {@code booking.*} events, recorded in the webhook outbox with the change (the use cases
 * record booking changes before writing the booking). The event's subject is the booking and its sequence the
 * booking's, so a change recorded twice yields the same event.
 */
public class BookingWebhooks implements BookingEvents {

  private final PublishEvents events;
  private final EventViews views;
  private final Clock clock;

  public BookingWebhooks(PublishEvents events, EventViews views, Clock clock) {
    this.events = events;
    this.views = views;
    this.clock = clock;
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    return recordAcknowledged(changes).compose(Acknowledged::durable);
  }

  @Override
  public Future<Acknowledged> recordAcknowledged(List<BookingChange> changes) {
    return events.publishAcknowledged(changes.stream()
        .map(c -> WebhookEvent.of(c.booking().providerId(), typeOf(c.kind()), c.booking().id(),
            c.booking().revision(), clock.instant(), views.booking(c.booking())))
        .toList());
  }

  static EventType typeOf(BookingChange.Kind kind) {
    return switch (kind) {
      case BOOKED -> EventType.BOOKING_CREATED;
      case CONFIRMED -> EventType.BOOKING_CONFIRMED;
      case RESCHEDULED -> EventType.BOOKING_RESCHEDULED;
      case CANCELLED -> EventType.BOOKING_CANCELLED;
      case EXPIRED -> EventType.BOOKING_EXPIRED;
    };
  }
}
