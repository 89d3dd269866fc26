package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A bookable offer on one resource: "30-minute consultation". Durations are the lengths a customer may choose (the
 * first is the default); slots start every {@code slotInterval} from the start of each open window. Buffers widen a
 * booking's blocking interval; {@code minimumNotice} and {@code horizon} bound how soon and how far ahead one may book;
 * {@code maxPerDay}/{@code maxPerWeek} (0 = unlimited) count this type's bookings per local day/ISO week of the
 * resource's zone. Price, payment and cancellation tiers are used by the payments capability. {@code reminders} are
 * how long before the start the customer is reminded (default 24 h and 1 h; empty for none); a reminder whose instant
 * has already passed when the booking is made is skipped, never sent late. {@code limits} bound what one customer may
 * ask of its public booking (series length, holds per e-mail and per address). {@code pool} is null for a type on one
 * resource; for a pooled type (ADR 43) {@code resourceId} is the pool's first member. {@code details} are its
 * description, location and questions to the customer (ADR 49).
 */
public record BookingType(
    String id,
    String providerId,
    String resourceId,
    String name,
    List<Duration> durations,
    Duration slotInterval,
    Duration bufferBefore,
    Duration bufferAfter,
    Duration minimumNotice,
    Duration horizon,
    int maxPerDay,
    int maxPerWeek,
    Money price,
    PaymentRequirement payment,
    List<CancellationTier> cancellationPolicy,
    Duration holdDuration,
    List<Duration> reminders,
    BookingLimits limits,
    ResourcePool pool,
    BookingTypeDetails details) {

  public static final Duration MAX_DURATION = Duration.ofDays(1);
  public static final Duration MAX_HORIZON = Duration.ofDays(3 * 366);
  /** Reminders when a type names none: 24 hours and 1 hour before the start. */
  public static final List<Duration> DEFAULT_REMINDERS = List.of(Duration.ofHours(24), Duration.ofHours(1));
  public static final int MAX_REMINDERS = 5;
  public static final Duration MAX_REMINDER_LEAD = Duration.ofDays(30);

  /** A booking type with the default reminders (24 h and 1 h before the start). */
  public BookingType(String id, String providerId, String resourceId, String name, List<Duration> durations,
      Duration slotInterval, Duration bufferBefore, Duration bufferAfter, Duration minimumNotice, Duration horizon,
      int maxPerDay, int maxPerWeek, Money price, PaymentRequirement payment, List<CancellationTier> cancellationPolicy,
      Duration holdDuration) {
    this(id, providerId, resourceId, name, durations, slotInterval, bufferBefore, bufferAfter, minimumNotice, horizon,
        maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, DEFAULT_REMINDERS);
  }

  /** A booking type with the default abuse limits ({@link BookingLimits#DEFAULT}). */
  public BookingType(String id, String providerId, String resourceId, String name, List<Duration> durations,
      Duration slotInterval, Duration bufferBefore, Duration bufferAfter, Duration minimumNotice, Duration horizon,
      int maxPerDay, int maxPerWeek, Money price, PaymentRequirement payment, List<CancellationTier> cancellationPolicy,
      Duration holdDuration, List<Duration> reminders) {
    this(id, providerId, resourceId, name, durations, slotInterval, bufferBefore, bufferAfter, minimumNotice, horizon,
        maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, reminders, BookingLimits.DEFAULT);
  }

  /** A booking type on one resource (no pool). */
  public BookingType(String id, String providerId, String resourceId, String name, List<Duration> durations,
      Duration slotInterval, Duration bufferBefore, Duration bufferAfter, Duration minimumNotice, Duration horizon,
      int maxPerDay, int maxPerWeek, Money price, PaymentRequirement payment, List<CancellationTier> cancellationPolicy,
      Duration holdDuration, List<Duration> reminders, BookingLimits limits) {
    this(id, providerId, resourceId, name, durations, slotInterval, bufferBefore, bufferAfter, minimumNotice, horizon,
        maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, reminders, limits, null);
  }

  /** A booking type with no description, location or questions ({@link BookingTypeDetails#NONE}). */
  public BookingType(String id, String providerId, String resourceId, String name, List<Duration> durations,
      Duration slotInterval, Duration bufferBefore, Duration bufferAfter, Duration minimumNotice, Duration horizon,
      int maxPerDay, int maxPerWeek, Money price, PaymentRequirement payment, List<CancellationTier> cancellationPolicy,
      Duration holdDuration, List<Duration> reminders, BookingLimits limits, ResourcePool pool) {
    this(id, providerId, resourceId, name, durations, slotInterval, bufferBefore, bufferAfter, minimumNotice, horizon,
        maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, reminders, limits, pool,
        BookingTypeDetails.NONE);
  }

  public BookingType {
    Ids.requireSlug(id, "booking type id");
    Ids.requireSlug(providerId, "provider id");
    Ids.requireSlug(resourceId, "resource id");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("booking type name must not be blank");
    }
    PlainText.requireNoControl(name, "booking type name");
    durations = List.copyOf(Objects.requireNonNull(durations, "durations"));
    if (durations.isEmpty()) {
      throw new IllegalArgumentException("a booking type needs at least one duration");
    }
    for (Duration d : durations) {
      requireWithin(d, Duration.ofMinutes(5), MAX_DURATION, "duration");
    }
    requireWithin(slotInterval, Duration.ofMinutes(5), MAX_DURATION, "slot interval");
    requireWithin(bufferBefore, Duration.ZERO, MAX_DURATION, "buffer before");
    requireWithin(bufferAfter, Duration.ZERO, MAX_DURATION, "buffer after");
    requireWithin(minimumNotice, Duration.ZERO, MAX_HORIZON, "minimum notice");
    requireWithin(horizon, Duration.ofDays(1), MAX_HORIZON, "horizon");
    requireWithin(holdDuration, Duration.ofMinutes(1), Duration.ofHours(24), "hold duration");
    if (maxPerDay < 0 || maxPerWeek < 0) {
      throw new IllegalArgumentException("max bookings per day/week must be 0 (unlimited) or more");
    }
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(payment, "payment");
    cancellationPolicy = List.copyOf(Objects.requireNonNull(cancellationPolicy, "cancellationPolicy"));
    reminders = List.copyOf(Objects.requireNonNull(reminders, "reminders"));
    if (reminders.size() > MAX_REMINDERS) {
      throw new IllegalArgumentException("at most " + MAX_REMINDERS + " reminders: " + reminders);
    }
    if (reminders.stream().distinct().count() != reminders.size()) {
      throw new IllegalArgumentException("reminders must differ: " + reminders);
    }
    for (Duration lead : reminders) {
      requireWithin(lead, Duration.ofMinutes(5), MAX_REMINDER_LEAD, "reminder lead");
    }
    Objects.requireNonNull(limits, "limits");
    if (pool != null && !pool.members().get(0).resourceId().equals(resourceId)) {
      throw new IllegalArgumentException("a pooled type's resourceId must be its first member: " + resourceId);
    }
    details = details == null ? BookingTypeDetails.NONE : details;
  }

  /** The same type over a pool of resources (or, with {@code null}, on its first resource only). */
  public BookingType withPool(ResourcePool newPool) {
    String first = newPool == null ? resourceId : newPool.members().get(0).resourceId();
    return new BookingType(id, providerId, first, name, durations, slotInterval, bufferBefore, bufferAfter,
        minimumNotice, horizon, maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, reminders,
        limits, newPool, details);
  }

  /** The same type with this description, location and questions. */
  public BookingType withDetails(BookingTypeDetails newDetails) {
    return new BookingType(id, providerId, resourceId, name, durations, slotInterval, bufferBefore, bufferAfter,
        minimumNotice, horizon, maxPerDay, maxPerWeek, price, payment, cancellationPolicy, holdDuration, reminders,
        limits, pool, newDetails);
  }

  /** Every resource the type may block: its pool's members in the provider's order, or its one resource. */
  public List<String> resourceIds() {
    return pool == null ? List.of(resourceId) : pool.resourceIds();
  }

  public Duration defaultDuration() {
    return durations.get(0);
  }

  public boolean offers(Duration duration) {
    return durations.contains(duration);
  }

  /** The interval a booking of this type blocks on its resource: the booking widened by both buffers. */
  public TimeRange blockingSpan(TimeRange booked) {
    return booked.widen(bufferBefore, bufferAfter);
  }

  private static void requireWithin(Duration value, Duration min, Duration max, String what) {
    Objects.requireNonNull(value, what);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(what + " must be between " + min + " and " + max + ": " + value);
    }
  }
}
