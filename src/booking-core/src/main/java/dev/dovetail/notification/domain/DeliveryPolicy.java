package dev.dovetail.notification.domain;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides, at send time, whether a due message still applies, from the booking as it is now. Messages are recorded
 * before their booking is written, so a message may describe a change that never happened (its write failed) or that a
 * later change superseded. Until {@code writeGrace} after the message was recorded, a missing or older booking may
 * only mean the write is still under way: the message waits. After that it is skipped.
 *
 * <ul>
 *   <li>confirmation and provider notice of a new booking: sent while the booking is confirmed;
 *   <li>reschedule notice: sent if no later change followed (a later one brings its own notice);
 *   <li>reminder: sent only for the booking sequence it was planned for (a move or cancellation makes it obsolete),
 *       while the booking is confirmed, and not after half its lead has passed (an outage must not turn a 24-hour
 *       reminder into a note sent minutes before the start) nor after the start;
 *   <li>cancellation notices: sent once the booking is cancelled.
 * </ul>
 */
public final class DeliveryPolicy {

  /** What to do with a due message. */
  public enum Verdict {
    SEND,
    WAIT,
    SKIP
  }

  /** A verdict, and for SKIP the reason recorded on the message. */
  public record Decision(Verdict verdict, String reason) {

    static Decision send() {
      return new Decision(Verdict.SEND, null);
    }

    static Decision waitForWrite() {
      return new Decision(Verdict.WAIT, "the booking change is not written yet");
    }

    static Decision skip(String reason) {
      return new Decision(Verdict.SKIP, reason);
    }
  }

  private final Duration writeGrace;

  public DeliveryPolicy(Duration writeGrace) {
    this.writeGrace = writeGrace;
  }

  /** @param booking the booking as stored now, or null if there is none */
  public Decision decide(OutboundMessage message, Booking booking, Instant now) {
    boolean settled = !now.isBefore(message.createdAt().plus(writeGrace));
    if (booking == null) {
      return settled ? Decision.skip("the booking was never written") : Decision.waitForWrite();
    }
    if (booking.revision() < message.bookingSequence()) {
      return settled ? Decision.skip("the booking change was never written") : Decision.waitForWrite();
    }
    boolean sameChange = booking.revision() == message.bookingSequence();
    BookingStatus status = booking.status();
    return switch (message.kind()) {
      case CONFIRMATION, PROVIDER_NEW_BOOKING -> status == BookingStatus.CONFIRMED
          ? Decision.send()
          : Decision.skip("the booking is " + name(status) + ", no longer confirmed");
      case RESCHEDULE -> !sameChange
          ? Decision.skip("superseded by a later change of the booking")
          : status == BookingStatus.CONFIRMED ? Decision.send() : Decision.skip("the booking is " + name(status));
      case REMINDER -> reminder(message, booking, sameChange, now);
      case CANCELLATION, PROVIDER_CANCELLATION -> status == BookingStatus.CANCELLED
          ? Decision.send()
          : Decision.skip("the cancellation was never written; the booking is " + name(status));
      case PROVIDER_CALENDAR_CONFLICT -> booking.blocksAt(now)
          ? Decision.send()
          : Decision.skip("the booking is " + name(status) + "; the conflict went away with it");
      case WAITLIST_JOINED, WAITLIST_OFFER, PROVIDER_CALENDAR_BROKEN, PROVIDER_WEBHOOK_DISABLED,
          PROVIDER_PASSWORD_RESET, PROVIDER_PASSWORD_CHANGED -> Decision.skip("not a booking message");
    };
  }

  private static Decision reminder(OutboundMessage message, Booking booking, boolean sameChange, Instant now) {
    if (booking.status() != BookingStatus.CONFIRMED) {
      return Decision.skip("the booking is " + name(booking.status()));
    }
    if (!sameChange || !booking.time().start().minus(message.reminderLead()).equals(message.dueAt())) {
      return Decision.skip("the booking was moved; its new reminders replace this one");
    }
    Instant start = booking.time().start();
    if (!now.isBefore(start)) {
      return Decision.skip("the booking has already started");
    }
    if (now.isAfter(message.dueAt().plus(message.reminderLead().dividedBy(2)))) {
      return Decision.skip("too late: more than half the reminder's lead has passed");
    }
    return Decision.send();
  }

  private static String name(BookingStatus status) {
    return status.name().toLowerCase();
  }
}
