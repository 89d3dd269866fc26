package dev.dovetail.webhook.app;

import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.domain.PaymentState;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.PublishEvents;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payments store, recording {@code payment.succeeded}, {@code payment.refunded} and {@code booking.no_show} in the
 * webhook outbox before the payment write that makes them true (every payment change is a compare-and-set write of
 * the next revision, so the transition is read from the stored revision). The subject is the booking, so these events
 * keep their order with the booking's own; the id derives from the payment revision, so two nodes making the same
 * transition record one event. A write that then loses its compare-and-set has still recorded its event (ADR 41).
 */
public class PaymentEvents implements PaymentRepository {

  private final PaymentRepository payments;
  private final BookingRepository bookings;
  private final PublishEvents events;
  private final EventViews views;
  private final Clock clock;

  public PaymentEvents(PaymentRepository payments, BookingRepository bookings, PublishEvents events, EventViews views,
      Clock clock) {
    this.payments = payments;
    this.bookings = bookings;
    this.events = events;
    this.views = views;
    this.clock = clock;
  }

  @Override
  public Future<Void> update(Payment next) {
    return payments.find(next.bookingId())
        .compose(stored -> stored.filter(p -> p.revision() == next.revision() - 1)
            .map(previous -> eventsOf(previous, next)).orElse(Future.succeededFuture(List.of())))
        .compose(events::publish)
        .compose(v -> payments.update(next));
  }

  private Future<List<WebhookEvent>> eventsOf(Payment previous, Payment next) {
    List<WebhookEvent> found = new ArrayList<>();
    if (previous.state() != PaymentState.PAID && next.state() == PaymentState.PAID) {
      found.add(paymentEvent(EventType.PAYMENT_SUCCEEDED, next));
    }
    if (next.refunded() > previous.refunded()) {
      found.add(paymentEvent(EventType.PAYMENT_REFUNDED, next));
    }
    if (previous.noShow() || !next.noShow()) {
      return Future.succeededFuture(found);
    }
    return bookings.findById(next.bookingId()).map(booking -> {
      booking.ifPresent(b -> found.add(WebhookEvent.of(b.providerId(), EventType.BOOKING_NO_SHOW, b.id(),
          Math.toIntExact(next.revision()), clock.instant(), views.booking(b))));
      return found;
    });
  }

  private WebhookEvent paymentEvent(EventType type, Payment p) {
    return WebhookEvent.of(p.providerId(), type, p.bookingId(), Math.toIntExact(p.revision()), clock.instant(),
        views.payment(p));
  }

  @Override
  public Future<Void> insert(Payment payment) {
    return payments.insert(payment);
  }

  @Override
  public Future<Optional<Payment>> find(String bookingId) {
    return payments.find(bookingId);
  }

  @Override
  public Future<Optional<Payment>> findByIntent(String intentId) {
    return payments.findByIntent(intentId);
  }

  @Override
  public Future<List<Payment>> findByBookings(List<String> bookingIds) {
    return payments.findByBookings(bookingIds);
  }

  @Override
  public Future<List<Payment>> findOwed(int limit) {
    return payments.findOwed(limit);
  }

  @Override
  public Future<Optional<PaymentSettings>> settings(String bookingTypeId) {
    return payments.settings(bookingTypeId);
  }

  @Override
  public Future<Void> saveSettings(PaymentSettings settings) {
    return payments.saveSettings(settings);
  }
}
