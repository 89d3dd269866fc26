package dev.dovetail.webhook.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.webhook.domain.WebhookEvent;
import dev.dovetail.webhook.port.in.PublishEvents;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the producers published, in order, and payload views that name the object (what the tests look at). */
final class RecordedEvents implements PublishEvents, EventViews {

  final List<WebhookEvent> published = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> publish(List<WebhookEvent> events) {
    published.addAll(events);
    return Future.succeededFuture();
  }

  List<String> types() {
    return published.stream().map(e -> e.type().wireName()).toList();
  }

  @Override
  public JsonObject booking(Booking booking) {
    return new JsonObject().put("id", booking.id()).put("status", booking.status().name());
  }

  @Override
  public JsonObject payment(Payment payment) {
    return new JsonObject().put("bookingId", payment.bookingId()).put("refunded", payment.refunded());
  }

  @Override
  public JsonObject waitlistEntry(WaitlistEntry entry) {
    return new JsonObject().put("id", entry.id()).put("status", entry.status().name());
  }
}
