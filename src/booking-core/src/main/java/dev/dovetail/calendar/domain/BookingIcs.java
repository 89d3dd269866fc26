package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A booking as the VEVENT its resource's calendar shows: {@code UID:<bookingId>@dovetail}, href {@code
 * booking-<bookingId>.ics}, times in UTC, SEQUENCE from the booking, TENTATIVE while held. Deterministic, so its
 * etag changes only when the booking does.
 */
public final class BookingIcs {

  public static final String HREF_PREFIX = "booking-";
  public static final String UID_SUFFIX = "@dovetail";
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  private BookingIcs() {}

  public static String href(String bookingId) {
    return HREF_PREFIX + bookingId + ".ics";
  }

  public static CalendarObject object(Booking b) {
    return CalendarObject.of(href(b.id()), b.id() + "@dovetail", render(b), true);
  }

  static String render(Booking b) {
    StringBuilder s = new StringBuilder();
    line(s, "BEGIN:VCALENDAR");
    line(s, "VERSION:2.0");
    line(s, "PRODID:-//Dovetail//CalDAV//EN");
    line(s, "BEGIN:VEVENT");
    line(s, "UID:" + b.id() + "@dovetail");
    line(s, "DTSTAMP:" + utc(b.updatedAt()));
    line(s, "DTSTART:" + utc(b.time().start()));
    line(s, "DTEND:" + utc(b.time().end()));
    line(s, "SUMMARY:" + text("Booking: " + b.customerName()));
    line(s, "DESCRIPTION:" + text("Booked by " + b.customerName() + " <" + b.customerEmail()
        + ">. Managed by Dovetail: change or cancel it in the dashboard."));
    line(s, "SEQUENCE:" + b.revision());
    line(s, "STATUS:" + (b.status() == BookingStatus.HELD ? "TENTATIVE" : "CONFIRMED"));
    line(s, "TRANSP:OPAQUE");
    line(s, "END:VEVENT");
    line(s, "END:VCALENDAR");
    return s.toString();
  }

  private static String utc(Instant i) {
    return UTC.format(i);
  }

  /** RFC 5545 3.3.11 TEXT escaping; long lines are folded at 75 octets by {@link #line}. */
  private static String text(String v) {
    return v.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
  }

  private static void line(StringBuilder s, String content) {
    int max = 73;
    String rest = content;
    boolean first = true;
    while (rest.length() > max) {
      s.append(first ? "" : " ").append(rest, 0, max).append("\r\n");
      rest = rest.substring(max);
      first = false;
    }
    s.append(first ? "" : " ").append(rest).append("\r\n");
  }
}
