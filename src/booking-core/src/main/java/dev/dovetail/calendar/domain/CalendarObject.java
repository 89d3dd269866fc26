package dev.dovetail.calendar.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One iCalendar object stored in a resource's calendar (RFC 4791 calendar object resource). {@code href} is the last
 * path segment ({@code abc.ics}), unique per calendar; {@code uid} the iCalendar UID, also unique per calendar;
 * {@code etag} a strong entity tag derived from the exact bytes of {@code ics}; {@code sequence} the calendar's change
 * sequence at the object's last write (the sync token it first appears in). {@code booking} marks the read-only
 * projection of a Dovetail booking ({@code UID:<bookingId>@dovetail}).
 */
public record CalendarObject(String href, String uid, String ics, String etag, long sequence, boolean booking) {

  public CalendarObject {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(ics, "ics");
    Objects.requireNonNull(etag, "etag");
  }

  /** A new object whose strong etag is computed from its text; the sequence is stamped by the collection. */
  public static CalendarObject of(String href, String uid, String ics, boolean booking) {
    return new CalendarObject(href, uid, ics, etagOf(ics), 0, booking);
  }

  /**
   * Whether the object recurs (an RRULE or RDATE) and is not a booking's projection: the busy-time refresh re-expands
   * such objects as time passes (ADR 19).
   */
  public boolean recurring() {
    return !booking && (ics.contains("RRULE:") || ics.contains("RDATE"));
  }

  public CalendarObject atSequence(long newSequence) {
    return new CalendarObject(href, uid, ics, etag, newSequence, booking);
  }

  /** A quoted strong entity tag: the first 128 bits of the SHA-256 of the UTF-8 text. */
  public static String etagOf(String ics) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ics.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
