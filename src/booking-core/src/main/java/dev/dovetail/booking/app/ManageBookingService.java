package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Cancel, reschedule and confirm, for customers (manage token) and providers (tenant-scoped). Write order keeps a
 * crash safe: a cancellation marks the booking first and frees the schedule second (a crash leaves time blocked, never
 * a live booking unblocked); a reschedule moves the block first and the booking second (the janitor re-aligns the
 * booking with its block, the schedule being the source of truth).
 */
public class ManageBookingService implements ManageBooking, ProviderBookings {

  private final PublicCatalog catalog;
  private final ScheduleRepository schedules;
  private final BookingRepository bookings;
  private final ScheduleWriter writer;
  private final BookingEvents events;
  private final ManageTokens tokens;
  private final Clock clock;

  public ManageBookingService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock) {
    this.catalog = catalog;
    this.schedules = schedules;
    this.bookings = bookings;
    this.writer = new ScheduleWriter(lock, schedules);
    this.events = events;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** How long after its booking ends a manage link (and the pages and payment calls behind it) still works. */
  public static final java.time.Duration MANAGE_LINK_LIFETIME_AFTER_END = java.time.Duration.ofDays(30);

  @Override
  public Future<Booking> find(String manageToken) {
    return tokens.bookingIdOf(manageToken)
        .map(id -> bookings.findById(id).map(found -> found
            // A manage link stops working a while after its booking has ended: an old mail is not a key forever.
            .filter(booking -> clock.instant().isBefore(booking.time().end().plus(MANAGE_LINK_LIFETIME_AFTER_END)))
            .orElseThrow(() -> new NotFoundException("booking", "(unknown manage token)"))))
        .orElseGet(() -> Future.failedFuture(new NotFoundException("booking", "(unknown manage token)")));
  }

  @Override
  public Future<Booking> cancel(String manageToken) {
    return find(manageToken).compose(booking -> cancel(booking, BookingChange.Actor.CUSTOMER));
  }

  @Override
  public Future<Booking> reschedule(String manageToken, Instant newStart) {
    if (newStart == null) {
      return Future.failedFuture(new InvalidRequestException("start is required"));
    }
    return find(manageToken).compose(booking -> reschedule(booking, newStart));
  }

  @Override
  public Future<Booking> confirmHold(String bookingId) {
    Instant now = clock.instant();
    return bookings.findById(bookingId)
        .map(found -> found.orElseThrow(() -> new NotFoundException("booking", bookingId)))
        .compose(booking -> {
          if (booking.status() == BookingStatus.CONFIRMED) {
            return Future.succeededFuture(booking);
          }
          if (booking.status() != BookingStatus.HELD) {
            return Future.failedFuture(new ConflictException("booking is " + booking.status() + ", not held"));
          }
          Booking confirmed = booking.withStatus(BookingStatus.CONFIRMED, now);
          return schedules.update(booking.resourceId(), s -> s.confirm(bookingId, now))
              .compose(s -> record(BookingChange.Kind.CONFIRMED, confirmed, booking, BookingChange.Actor.SYSTEM))
              .compose(v -> bookings.update(confirmed)).map(confirmed);
        });
  }

  @Override
  public Future<Booking> releaseHold(String bookingId) {
    return bookings.findById(bookingId)
        .map(found -> found.orElseThrow(() -> new NotFoundException("booking", bookingId)))
        .compose(booking -> booking.status() == BookingStatus.HELD
            ? cancel(booking, BookingChange.Actor.SYSTEM)
            : Future.failedFuture(new ConflictException("booking is " + booking.status() + ", not held")));
  }

  @Override
  public Future<Page<Booking>> list(String providerId, String resourceId, TimeRange window, PageRequest page) {
    return bookings.listByProvider(providerId, resourceId, window, page);
  }

  @Override
  public Future<Booking> get(String providerId, String bookingId) {
    return bookings.findById(bookingId).map(found -> found
        .filter(b -> b.providerId().equals(providerId))
        .orElseThrow(() -> new NotFoundException("booking", bookingId)));
  }

  @Override
  public Future<Booking> cancel(String providerId, String bookingId) {
    return get(providerId, bookingId).compose(booking -> cancel(booking, BookingChange.Actor.PROVIDER));
  }

  private Future<Booking> cancel(Booking booking, BookingChange.Actor actor) {
    Instant now = clock.instant();
    if (!booking.blocksAt(now)) {
      return Future.failedFuture(new ConflictException("booking is already " + describe(booking, now)));
    }
    Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, now);
    return record(BookingChange.Kind.CANCELLED, cancelled, booking, actor)
        .compose(v -> bookings.update(cancelled))
        .compose(v -> schedules.update(booking.resourceId(), s -> s.release(booking.id(), now)))
        .map(cancelled);
  }

  private Future<Booking> reschedule(Booking booking, Instant newStart) {
    Instant now = clock.instant();
    if (!booking.blocksAt(now)) {
      return Future.failedFuture(new ConflictException("booking is " + describe(booking, now)));
    }
    return catalog.offer(booking.bookingTypeId()).compose(offer -> {
      Duration duration = booking.time().length();
      Booking moved = booking.movedTo(TimeRange.of(newStart, duration), now);
      Block block = Block.forBooking(moved, offer.type(), now);
      return writer.update(booking.resourceId(), schedule -> {
            BookSlotService.requireOffered(offer, duration, schedule.release(booking.id(), now), now, moved.time());
            return schedule.replace(booking.id(), List.of(block), now);
          })
          .compose(s -> record(BookingChange.Kind.RESCHEDULED, moved, booking, BookingChange.Actor.CUSTOMER))
          .compose(v -> bookings.update(moved))
          .map(moved)
          .recover(err -> err instanceof SlotUnavailableException refused
              ? schedules.load(booking.resourceId())
                  .map(s -> Alternatives.nearest(offer, duration, s.release(booking.id(), now), now, newStart))
                  .compose(alts -> Future.failedFuture(new SlotTakenException(refused, alts)))
              : Future.failedFuture(err));
    });
  }

  private Future<Void> record(BookingChange.Kind kind, Booking after, Booking before, BookingChange.Actor actor) {
    return events.record(List.of(new BookingChange(kind, after, before, actor)));
  }

  private static String describe(Booking booking, Instant now) {
    return booking.status() == BookingStatus.HELD ? "an expired hold" : booking.status().name().toLowerCase();
  }
}
