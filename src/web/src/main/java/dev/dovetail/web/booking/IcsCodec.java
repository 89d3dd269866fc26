package dev.dovetail.web.booking;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.TypeLocation;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.web.codec.PoolCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A booking as a minimal RFC 5545 iCalendar object for the customer's "add to calendar" link: one VEVENT in UTC,
 * {@code METHOD:PUBLISH}, TEXT values escaped (section 3.3.11) and content lines folded at 75 octets (section 3.1).
 * LOCATION is the type's location (address, phone, video link) or else the resources; URL its video link (ADR 49).
 * The UID is stable per booking so that importing the file again updates the same event. This is deliberately small;
 * mail invitations (METHOD:REQUEST/CANCEL) are written by the notification adapter.
 */
public final class IcsCodec {

  static final String CRLF = "\r\n";
  private static final DateTimeFormatter UTC_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private IcsCodec() {}

  public static String calendar(Booking booking, PublicCatalog.Offer offer, Instant now) {
    StringBuilder ics = new StringBuilder(512);
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//Dovetail//Booking hub//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "BEGIN:VEVENT");
    line(ics, "UID:" + booking.id() + "@dovetail");
    line(ics, "DTSTAMP:" + UTC_BASIC.format(now));
    line(ics, "DTSTART:" + UTC_BASIC.format(booking.time().start()));
    line(ics, "DTEND:" + UTC_BASIC.format(booking.time().end()));
    line(ics, "SEQUENCE:" + Math.max(0, booking.revision()));
    line(ics, "SUMMARY:" + text(offer.type().name() + " with " + offer.provider().displayName()));
    TypeLocation location = offer.type().details().location();
    line(ics, "LOCATION:" + text(location == null ? PoolCodec.whereText(offer, booking) : location.value()));
    if (location != null && location.url() != null) {
      line(ics, "URL:" + location.url());
    }
    line(ics, "DESCRIPTION:" + text("Booked for " + booking.customerName() + " (" + booking.customerEmail()
        + ").\nUse the link from your confirmation to change or cancel."));
    line(ics, "STATUS:" + status(booking.status()));
    line(ics, "TRANSP:OPAQUE");
    line(ics, "END:VEVENT");
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  static String status(BookingStatus status) {
    return switch (status) {
      case CONFIRMED -> "CONFIRMED";
      case HELD -> "TENTATIVE";
      default -> "CANCELLED";
    };
  }

  /** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case ';' -> out.append("\\;");
        case ',' -> out.append("\\,");
        case '\n' -> out.append("\\n");
        case '\r' -> { }
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Appends one content line, folded so that no physical line exceeds 75 octets, never inside a UTF-8 sequence. */
  static void line(StringBuilder ics, String content) {
    int octets = 0;
    int limit = 75;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        ics.append(CRLF).append(' ');
        octets = 1;
      }
      ics.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    ics.append(CRLF);
  }
}
