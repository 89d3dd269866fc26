package dev.dovetail.web.insights;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.insights.port.in.ProviderInsights.BookingExport;
import dev.dovetail.insights.port.in.ProviderInsights.Row;
import dev.dovetail.payment.domain.Payment;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Bookings as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled). A
 * cell starting with {@code = + - @}, a tab or a carriage return gets a leading {@code '} so that a spreadsheet
 * never runs it as a formula. Times are the provider's local ones with their offset.
 */
public final class BookingsCsv {

  static final List<String> HEADER = List.of("id", "start", "end", "resourceId", "bookingTypeId", "status",
      "customerName", "customerEmail", "noShow", "currency", "amountMinor", "capturedMinor", "refundedMinor",
      "createdAt");

  private BookingsCsv() {}

  public static String write(BookingExport export) {
    StringBuilder out = new StringBuilder();
    line(out, HEADER);
    ZoneId zone = export.range().zone();
    for (Row row : export.rows()) {
      Booking b = row.booking();
      Payment p = row.payment();
      line(out, List.of(b.id(), local(b.time().start(), zone), local(b.time().end(), zone), b.resourceId(),
          b.bookingTypeId(), b.status().name(), b.customerName(), b.customerEmail(),
          String.valueOf(p != null && p.noShow()), p == null ? "" : p.amount().currency(),
          p == null ? "" : String.valueOf(p.amount().minorUnits()), p == null ? "" : String.valueOf(p.captured()),
          p == null ? "" : String.valueOf(p.refunded()), local(b.createdAt(), zone)));
    }
    return out.toString();
  }

  private static String local(Instant instant, ZoneId zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime());
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** One field: formula-safe, then quoted when it must be. */
  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
