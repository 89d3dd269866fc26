package dev.dovetail.booking.port.in;

import dev.dovetail.kernel.i18n.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A customer asks for {@code start} (and, with {@code weeklyOccurrences} > 1, the same time on the following weeks,
 * all or nothing). {@code hold} asks for a temporary hold (while paying) instead of a confirmed booking. A null
 * duration means the type's default. {@code holdFor} is how long a hold lasts, null for the type's hold duration (the
 * waitlist holds an offered slot for its claim window). {@code clientAddress} is where a public request came from (for
 * the per-address hold limit), null when the hub itself books (the waitlist). {@code memberPick} is the pool member
 * the customer chose, where the type's pool allows it; null to let the hub assign one. {@code answers} are the
 * customer's answers to the type's questions by question id (ADR 49), checked by {@code Answers.check}; null when
 * nobody was asked (the waitlist's offers, a booking the provider takes), and then none are stored. {@code language}
 * is the language the customer books in (their mails' language, ADR 62); null is English.
 */
public record BookSlotCommand(
    String bookingTypeId,
    Instant start,
    Duration duration,
    ZoneId customerZone,
    String customerName,
    String customerEmail,
    boolean hold,
    int weeklyOccurrences,
    Duration holdFor,
    String clientAddress,
    String memberPick,
    Map<String, String> answers,
    Language language) {

  /** A command in English. */
  public BookSlotCommand(String bookingTypeId, Instant start, Duration duration, ZoneId customerZone,
      String customerName, String customerEmail, boolean hold, int weeklyOccurrences, Duration holdFor,
      String clientAddress, String memberPick, Map<String, String> answers) {
    this(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold, weeklyOccurrences, holdFor,
        clientAddress, memberPick, answers, Language.EN);
  }

  /** A command that answers no question: the hub or the provider books, and the type's questions are not asked. */
  public BookSlotCommand(String bookingTypeId, Instant start, Duration duration, ZoneId customerZone,
      String customerName, String customerEmail, boolean hold, int weeklyOccurrences, Duration holdFor,
      String clientAddress, String memberPick) {
    this(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold, weeklyOccurrences, holdFor,
        clientAddress, memberPick, null);
  }

  /** A command that picks no pool member (the hub assigns one, ADR 43). */
  public BookSlotCommand(String bookingTypeId, Instant start, Duration duration, ZoneId customerZone,
      String customerName, String customerEmail, boolean hold, int weeklyOccurrences, Duration holdFor,
      String clientAddress) {
    this(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold, weeklyOccurrences, holdFor,
        clientAddress, null);
  }

  /** A command from inside the hub: no client address. */
  public BookSlotCommand(String bookingTypeId, Instant start, Duration duration, ZoneId customerZone,
      String customerName, String customerEmail, boolean hold, int weeklyOccurrences, Duration holdFor) {
    this(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold, weeklyOccurrences, holdFor,
        null);
  }

  /** A command whose hold, if any, lasts the type's hold duration. */
  public BookSlotCommand(String bookingTypeId, Instant start, Duration duration, ZoneId customerZone,
      String customerName, String customerEmail, boolean hold, int weeklyOccurrences) {
    this(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold, weeklyOccurrences, null);
  }

  /** The same request with nobody asked the type's questions (a booking the provider takes for a customer). */
  public BookSlotCommand unasked() {
    return new BookSlotCommand(bookingTypeId, start, duration, customerZone, customerName, customerEmail, hold,
        weeklyOccurrences, holdFor, clientAddress, memberPick, null, language);
  }

  /** The same request as a hold (a type that takes payment only books holds). */
  public BookSlotCommand asHold() {
    return new BookSlotCommand(bookingTypeId, start, duration, customerZone, customerName, customerEmail, true,
        weeklyOccurrences, holdFor, clientAddress, memberPick, answers, language);
  }
}
