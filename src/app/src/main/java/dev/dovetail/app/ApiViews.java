package dev.dovetail.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.web.codec.BookingCodec;
import dev.dovetail.web.codec.PaymentCodec;
import dev.dovetail.web.waitlist.WaitlistCodec;
import dev.dovetail.webhook.port.out.EventViews;
import io.vertx.core.json.JsonObject;

/** Event payloads in the REST API's own JSON (its codecs), so an event's {@code data} is what the API answers. */
final class ApiViews implements EventViews {

  @Override
  public JsonObject booking(Booking booking) {
    return BookingCodec.toJson(booking);
  }

  @Override
  public JsonObject payment(Payment payment) {
    return PaymentCodec.payment(payment).put("bookingId", payment.bookingId());
  }

  @Override
  public JsonObject waitlistEntry(WaitlistEntry entry) {
    return WaitlistCodec.toJson(entry);
  }
}
