package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.web.Services;
import dev.dovetail.web.http.OperationHandlers;
import java.time.Clock;

/** The booking operations: the customer's (slots, book, manage) and the provider's (bookings, calendar). */
public final class BookingApi {

  private BookingApi() {}

  public static void register(OperationHandlers operations, Services.Booking booking, Services.Payments payments,
      ProviderCalendar providerCalendar, Clock clock) {
    SlotsHandler slots = new SlotsHandler(booking.availability());
    CreateBookingHandler book = new CreateBookingHandler(booking.bookSlot());
    ManageBookingHandler manage = new ManageBookingHandler(booking.manage(), payments.customer());
    BookingIcsHandler ics = new BookingIcsHandler(booking.manage(), booking.publicCatalog(), clock);
    BookingsHandler bookings = new BookingsHandler(booking.providerBookings(), payments.provider());
    ProviderCalendarHandler calendar = new ProviderCalendarHandler(providerCalendar);
    operations
        .on("listSlots", slots::list)
        .on("createBooking", book::create)
        .on("getManagedBooking", manage::get)
        .on("cancelManagedBooking", manage::cancel)
        .on("rescheduleManagedBooking", manage::reschedule)
        .on("getManagedBookingIcs", ics::get)
        .on("listBookings", bookings::list)
        .on("getBooking", bookings::get)
        .on("cancelBooking", bookings::cancel)
        .on("rescheduleBooking", bookings::reschedule)
        .on("getSchedule", calendar::schedule)
        .on("createProviderBooking", calendar::book);
  }
}
