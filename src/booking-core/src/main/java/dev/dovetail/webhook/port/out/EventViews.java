package dev.dovetail.webhook.port.out;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import io.vertx.core.json.JsonObject;

/** The objects as the API shows them, for event payloads (the same views the REST routes answer with). */
public interface EventViews {

  JsonObject booking(Booking booking);

  /** The payment as {@code GET /api/v1/bookings/{id}/payment} shows it, with its {@code bookingId}. */
  JsonObject payment(Payment payment);

  JsonObject waitlistEntry(WaitlistEntry entry);
}
