package dev.dovetail.insights.port.in;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.insights.domain.Insights;
import dev.dovetail.insights.domain.InsightsRange;
import dev.dovetail.payment.domain.Payment;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/**
 * A provider's figures and bookings over a range of its days (ADR 48). {@code from} and {@code to} are local dates of
 * the provider's zone, {@code to} excluded; both null for the last and the next 30 days. A range over 366 days, or
 * with more than {@link #MAX_BOOKINGS} bookings, is refused (InvalidRequestException).
 */
public interface ProviderInsights {

  int MAX_BOOKINGS = 10_000;

  Future<Insights> insights(String providerId, LocalDate from, LocalDate to);

  /** The bookings starting in the range, by start, each with its payment (or null). */
  Future<BookingExport> export(String providerId, LocalDate from, LocalDate to);

  record BookingExport(InsightsRange range, List<Row> rows) {

    public BookingExport {
      rows = List.copyOf(rows);
    }
  }

  record Row(Booking booking, Payment payment) {}
}
