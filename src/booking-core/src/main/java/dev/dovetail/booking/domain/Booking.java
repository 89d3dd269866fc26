package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.kernel.i18n.Language;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A customer's booking of a resource. {@code time} is the booked interval in UTC (without buffers); {@code
 * customerZone} is the zone the customer booked in, used to show them times. A HELD booking blocks until {@code
 * holdExpiresAt}. {@code revision} counts changes (compare-and-set, ADR 53) and is the iCalendar SEQUENCE.
 * Bookings of a weekly series share a {@code seriesId}.
 * {@code resourceIds} are the resources it blocks: its {@code resourceId} (the assigned member of an ANY pool) first,
 * then, for an ALL pool, the other members (ADR 43). {@code answers} are the customer's answers to the type's
 * questions as asked when booking (ADR 49); every change of the booking keeps them. {@code language} is the language
 * the customer booked in, which their mails are written in (ADR 62); a booking stored without one is English.
 * {@code cancellationReason} is what the customer wrote when cancelling through the manage link, for the provider
 * (null: none given, or not cancelled by the customer; ADR 68).
 */
public record Booking(
    String id,
    String providerId,
    String resourceId,
    String bookingTypeId,
    TimeRange time,
    ZoneId customerZone,
    String customerName,
    String customerEmail,
    BookingStatus status,
    Instant holdExpiresAt,
    String seriesId,
    int revision,
    Instant createdAt,
    Instant updatedAt,
    List<String> resourceIds,
    List<Answer> answers,
    Language language,
    String cancellationReason) {

  /** The longest cancellation reason a customer may give. */
  public static final int MAX_REASON_LENGTH = 500;

  /** A booking with no cancellation reason. */
  public Booking(String id, String providerId, String resourceId, String bookingTypeId, TimeRange time,
      ZoneId customerZone, String customerName, String customerEmail, BookingStatus status, Instant holdExpiresAt,
      String seriesId, int revision, Instant createdAt, Instant updatedAt, List<String> resourceIds,
      List<Answer> answers, Language language) {
    this(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail, status,
        holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, answers, language, null);
  }

  /** A booking made in English (or stored before bookings had a language). */
  public Booking(String id, String providerId, String resourceId, String bookingTypeId, TimeRange time,
      ZoneId customerZone, String customerName, String customerEmail, BookingStatus status, Instant holdExpiresAt,
      String seriesId, int revision, Instant createdAt, Instant updatedAt, List<String> resourceIds,
      List<Answer> answers) {
    this(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail, status,
        holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, answers, Language.EN);
  }

  /** A booking that blocks its one resource. */
  public Booking(String id, String providerId, String resourceId, String bookingTypeId, TimeRange time,
      ZoneId customerZone, String customerName, String customerEmail, BookingStatus status, Instant holdExpiresAt,
      String seriesId, int revision, Instant createdAt, Instant updatedAt) {
    this(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail, status,
        holdExpiresAt, seriesId, revision, createdAt, updatedAt, List.of(resourceId));
  }

  /** A booking without answers to questions. */
  public Booking(String id, String providerId, String resourceId, String bookingTypeId, TimeRange time,
      ZoneId customerZone, String customerName, String customerEmail, BookingStatus status, Instant holdExpiresAt,
      String seriesId, int revision, Instant createdAt, Instant updatedAt, List<String> resourceIds) {
    this(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail, status,
        holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, List.of());
  }

  public Booking {
    Ids.requireSlug(id, "booking id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(bookingTypeId, "bookingTypeId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(customerZone, "customerZone");
    Objects.requireNonNull(customerName, "customerName");
    Objects.requireNonNull(customerEmail, "customerEmail");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    resourceIds = List.copyOf(Objects.requireNonNull(resourceIds, "resourceIds"));
    if (resourceIds.isEmpty() || !resourceIds.get(0).equals(resourceId)) {
      throw new IllegalArgumentException("a booking's resources start with its own resource: " + resourceIds);
    }
    answers = List.copyOf(Objects.requireNonNullElse(answers, List.of()));
    language = Objects.requireNonNullElse(language, Language.EN);
    cancellationReason = cancellationReason == null || cancellationReason.isBlank() ? null : cancellationReason;
    if (status == BookingStatus.HELD && holdExpiresAt == null) {
      throw new IllegalArgumentException("a held booking needs a hold expiry");
    }
  }

  /** Whether this booking blocks its resource at {@code now}: confirmed, or held and not yet expired. */
  public boolean blocksAt(Instant now) {
    return status == BookingStatus.CONFIRMED || (status == BookingStatus.HELD && now.isBefore(holdExpiresAt));
  }

  public Booking withStatus(BookingStatus newStatus, Instant now) {
    Instant expiry = newStatus == BookingStatus.HELD ? holdExpiresAt : null;
    return new Booking(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail,
        newStatus, expiry, seriesId, revision + 1, createdAt, now, resourceIds, answers, language, cancellationReason);
  }

  public Booking movedTo(TimeRange newTime, Instant now) {
    return new Booking(id, providerId, resourceId, bookingTypeId, newTime, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, revision + 1, createdAt, now, resourceIds, answers, language,
        cancellationReason);
  }

  /** Moved to another member of an ANY pool (and possibly another time): it then blocks that member only. */
  public Booking reassignedTo(String memberId, TimeRange newTime, Instant now) {
    return new Booking(id, providerId, memberId, bookingTypeId, newTime, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, revision + 1, createdAt, now, List.of(memberId), answers, language,
        cancellationReason);
  }

  /** The same booking placed on these resources (the first becomes its own), before it is first stored. */
  public Booking placedOn(List<String> resources) {
    return new Booking(id, providerId, resources.get(0), bookingTypeId, time, customerZone, customerName,
        customerEmail, status, holdExpiresAt, seriesId, revision, createdAt, updatedAt, resources, answers, language,
        cancellationReason);
  }

  /** The same booking with the customer's answers, before it is first stored. */
  public Booking withAnswers(List<Answer> newAnswers) {
    return new Booking(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, newAnswers, language,
        cancellationReason);
  }

  /** The same booking made in {@code newLanguage}, before it is first stored. */
  public Booking withLanguage(Language newLanguage) {
    return new Booking(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, answers, newLanguage,
        cancellationReason);
  }

  /**
   * The same booking with the customer's reason for cancelling it ({@link #cleanReason}), before the cancellation is
   * stored.
   */
  public Booking withCancellationReason(String reason) {
    return new Booking(id, providerId, resourceId, bookingTypeId, time, customerZone, customerName, customerEmail,
        status, holdExpiresAt, seriesId, revision, createdAt, updatedAt, resourceIds, answers, language, reason);
  }

  /**
   * A customer's cancellation reason as stored: stripped, line breaks as {@code \n}; null when blank. Longer than
   * {@link #MAX_REASON_LENGTH} or holding another control character is refused ({@link InvalidRequestException}).
   */
  public static String cleanReason(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    String text = reason.strip().replace("\r\n", "\n").replace('\r', '\n');
    if (text.length() > MAX_REASON_LENGTH) {
      throw new InvalidRequestException("reason must be at most " + MAX_REASON_LENGTH + " characters");
    }
    PlainText.requireNoControl(text.replace('\n', ' '), "reason");
    return text;
  }

  /** Whether this booking blocks (or blocked) time on the resource. */
  public boolean blocksResource(String resource) {
    return resourceIds.contains(resource);
  }
}
