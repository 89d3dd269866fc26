package dev.dovetail.payment.app;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.payment.domain.PaymentsUnavailableException;
import io.vertx.core.Future;

/**
 * Booking a type that takes payment always makes a hold, confirmed only by the payment; one payment per booking, so
 * not a weekly series. Without a payment service such types are refused (503) rather than booked unpaid.
 */
public class PaidBookingGuard implements BookSlot {

  private final BookSlot inner;
  private final PublicCatalog catalog;
  private final boolean paymentsEnabled;

  public PaidBookingGuard(BookSlot inner, PublicCatalog catalog, boolean paymentsEnabled) {
    this.inner = inner;
    this.catalog = catalog;
    this.paymentsEnabled = paymentsEnabled;
  }

  @Override
  public Future<BookingReceipt> book(BookSlotCommand c) {
    return catalog.offer(c.bookingTypeId()).compose(offer -> {
      if (offer.type().payment() == PaymentRequirement.NONE) {
        return inner.book(c);
      }
      if (!paymentsEnabled) {
        return Future.failedFuture(new PaymentsUnavailableException(
            "this booking type takes payment, and this hub has no payment service configured"));
      }
      if (c.weeklyOccurrences() > 1) {
        return Future.failedFuture(new InvalidRequestException("a booking type that takes payment books one date"));
      }
      return inner.book(c.asHold());
    });
  }
}
