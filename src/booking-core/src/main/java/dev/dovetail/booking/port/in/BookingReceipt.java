package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Booking;
import java.util.List;

/** What a customer gets back: the bookings made (one, or one per week of a series) and their manage tokens. */
public record BookingReceipt(List<Issued> bookings) {

  /** A booking and the secret token of its manage link, shown only once. */
  public record Issued(Booking booking, String manageToken) {}
}
