package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.MemberChoice;
import dev.dovetail.booking.domain.MemberSchedule;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PlainText;
import dev.dovetail.booking.domain.PoolSlots;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

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
  private final PoolPlacement pools;
  private final BookingEvents events;
  private final ManageTokens tokens;
  private final Clock clock;

  public ManageBookingService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock) {
    this.catalog = catalog;
    this.schedules = schedules;
    this.bookings = bookings;
    this.writer = new ScheduleWriter(lock, schedules);
    this.pools = new PoolPlacement(schedules, lock, new ExternalCheck(ExternalBusy.none()));
    this.events = events;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** How long after its booking ends a manage link (and the pages and payment calls behind it) still works. */
  public static final Duration MANAGE_LINK_LIFETIME_AFTER_END = Duration.ofDays(30);

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
  public Future<Booking> cancelBecause(String manageToken, String reason) {
    String text;
    try {
      text = Booking.cleanReason(reason);
    } catch (InvalidRequestException e) {
      return Future.failedFuture(e);
    }
    return find(manageToken)
        .compose(booking -> cancel(booking.withCancellationReason(text), BookingChange.Actor.CUSTOMER));
  }

  @Override
  public Future<Booking> reschedule(String manageToken, Instant newStart) {
    if (newStart == null) {
      return Future.failedFuture(new InvalidRequestException("start is required"));
    }
    return find(manageToken).compose(booking -> reschedule(booking, newStart, BookingChange.Actor.CUSTOMER));
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
          return onEachResource(booking, s -> s.confirm(bookingId, now))
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
    return cancel(providerId, bookingId, null);
  }

  @Override
  public Future<Booking> cancel(String providerId, String bookingId, String note) {
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > PlainText.MAX_NOTE_LENGTH) {
      return Future.failedFuture(new InvalidRequestException(
          "message must be at most " + PlainText.MAX_NOTE_LENGTH + " characters"));
    }
    try {
      PlainText.requireNoControl(text, "message");
    } catch (InvalidRequestException e) {
      return Future.failedFuture(e);
    }
    return get(providerId, bookingId).compose(booking -> cancel(booking, BookingChange.Actor.PROVIDER, text));
  }

  @Override
  public Future<Booking> reschedule(String providerId, String bookingId, Instant newStart) {
    if (newStart == null) {
      return Future.failedFuture(new InvalidRequestException("start is required"));
    }
    return get(providerId, bookingId)
        .compose(booking -> reschedule(booking, newStart, BookingChange.Actor.PROVIDER));
  }

  private Future<Booking> cancel(Booking booking, BookingChange.Actor actor) {
    return cancel(booking, actor, null);
  }

  private Future<Booking> cancel(Booking booking, BookingChange.Actor actor, String note) {
    Instant now = clock.instant();
    if (!booking.blocksAt(now)) {
      return Future.failedFuture(new ConflictException("booking is already " + describe(booking, now)));
    }
    Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, now);
    // Marked for the janitor first: a stop between the booking write and the release leaves it the block (ADR 82).
    return events.record(List.of(new BookingChange(BookingChange.Kind.CANCELLED, cancelled, booking, actor, note)))
        .compose(v -> Future.all(booking.resourceIds().stream().map(schedules::markUnswept).toList()))
        .compose(v -> bookings.update(cancelled))
        .compose(v -> onEachResource(booking, s -> s.release(booking.id(), now)))
        .map(cancelled);
  }

  /** One compare-and-set per resource the booking blocks (every member of an ALL pool), in lock order. */
  private Future<Void> onEachResource(Booking booking, UnaryOperator<Schedule> change) {
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : booking.resourceIds().stream().sorted().toList()) {
      chain = chain.compose(v -> schedules.update(resourceId, change).mapEmpty());
    }
    return chain;
  }

  private Future<Booking> reschedule(Booking booking, Instant newStart, BookingChange.Actor actor) {
    Instant now = clock.instant();
    if (!booking.blocksAt(now)) {
      return Future.failedFuture(new ConflictException("booking is " + describe(booking, now)));
    }
    return catalog.offer(booking.bookingTypeId()).compose(offer -> {
      if (booking.resourceIds().size() > 1
          || (offer.type().pool() != null && offer.type().pool().mode() == ResourcePool.Mode.ALL)) {
        return moveOnEveryMember(offer, booking, newStart, now);
      }
      if (offer.type().pool() != null) {
        return moveInPool(offer, booking, newStart, now, actor);
      }
      Duration duration = booking.time().length();
      return moveOnItsResource(offer.resource(), offer.type(), booking, TimeRange.of(newStart, duration), now, actor)
          .recover(err -> err instanceof SlotUnavailableException refused
              ? schedules.load(booking.resourceId())
                  .map(s -> Alternatives.nearest(SlotEngine.freeSlots(offer.resource(), offer.type(), duration,
                      s.release(booking.id(), now), now, Alternatives.around(newStart)), newStart))
                  .compose(alts -> Future.failedFuture(new SlotTakenException(refused, alts)))
              : Future.failedFuture(err));
    });
  }

  /**
   * An ANY pool's booking moves to the new time on its own member if that member is free then, else to the best free
   * member by the pool's rule (ADR 43). Another member's block is placed first (its compare-and-set under its lock),
   * the booking document second, and the old member's block released last: a crash in between leaves a block that
   * the booking does not name, which the janitor frees, never a booking without its block.
   */
  private Future<Booking> moveInPool(PublicCatalog.Offer offer, Booking booking, Instant newStart, Instant now,
      BookingChange.Actor actor) {
    Duration duration = booking.time().length();
    TimeRange newTime = TimeRange.of(newStart, duration);
    return MemberSchedules.load(schedules, offer).compose(loaded -> {
      List<MemberSchedule> members = loaded.stream()
          .map(m -> new MemberSchedule(m.resource(), m.schedule().release(booking.id(), now)))
          .toList();
      List<String> ranked = new ArrayList<>(MemberChoice.ranked(offer.type(), duration, members, now,
          List.of(newTime)));
      if (ranked.remove(booking.resourceId())) {
        ranked.add(0, booking.resourceId());
      }
      if (ranked.isEmpty()) {
        SlotUnavailableException refused = PoolPlacement.refusedEverywhere(List.of(newTime));
        List<Slot> free = PoolSlots.freeSlots(offer.type(), duration, members, now, Alternatives.around(newStart));
        return Future.failedFuture(new SlotTakenException(refused, Alternatives.nearest(free, newStart)));
      }
      return moveToFirstFree(offer, booking, newTime, ranked, 0, now, null, actor);
    });
  }

  /**
   * An ALL pool's booking moves on every member, make-before-break (ADR 43): the new time's blocks are placed beside
   * the current ones on every member (locks in {@link ResourcePool#lockOrder}, one compare-and-set each, all or none),
   * then the booking document takes the new time, then the old blocks are freed. A refusal frees the new blocks and
   * answers 409 with the pool's nearest free slots. A crash in between leaves, on some members, a block at the time
   * the booking document does not name beside one at the time it does; the janitor frees the former after its grace,
   * and no booking is ever without its blocks.
   */
  private Future<Booking> moveOnEveryMember(PublicCatalog.Offer offer, Booking booking, Instant newStart,
      Instant now) {
    ResourcePool pool = offer.type().pool();
    if (pool == null || pool.mode() != ResourcePool.Mode.ALL
        || !Set.copyOf(booking.resourceIds()).equals(Set.copyOf(pool.resourceIds()))) {
      return Future.failedFuture(new ConflictException("the booking type's resources changed since this booking "
          + "was made: cancel it and book the new time"));
    }
    Duration duration = booking.time().length();
    TimeRange newTime = TimeRange.of(newStart, duration);
    if (newTime.equals(booking.time())) {
      return Future.succeededFuture(booking);
    }
    Booking moved = booking.movedTo(newTime, now);
    List<String> order = pool.lockOrder();
    return pools.placeMoveOnAll(offer, booking, moved, now)
        .recover(err -> err instanceof SlotUnavailableException refused
            ? MemberSchedules.load(schedules, offer).compose(loaded -> {
                List<MemberSchedule> members = loaded.stream()
                    .map(m -> new MemberSchedule(m.resource(), m.schedule().release(booking.id(), now)))
                    .toList();
                List<Slot> free = PoolSlots.freeSlots(offer.type(), duration, members, now,
                    Alternatives.around(newStart));
                return Future.failedFuture(new SlotTakenException(refused, Alternatives.nearest(free, newStart)));
              })
            : Future.failedFuture(err))
        .compose(placed -> record(BookingChange.Kind.RESCHEDULED, moved, booking, BookingChange.Actor.CUSTOMER)
            .compose(v -> bookings.update(moved))
            .recover(err -> pools.keepOnly(order, booking.id(), booking.time(), now)
                .transform(ignored -> Future.failedFuture(err))))
        // Moved: if freeing an old block fails, the janitor frees it (its time is not the booking's).
        .compose(v -> pools.keepOnly(order, booking.id(), newTime, now).otherwiseEmpty())
        .map(moved);
  }

  private Future<Booking> moveToFirstFree(PublicCatalog.Offer offer, Booking booking, TimeRange newTime,
      List<String> ranked, int index, Instant now, Throwable lastRefusal, BookingChange.Actor actor) {
    if (index == ranked.size()) {
      return Future.failedFuture(lastRefusal);
    }
    String memberId = ranked.get(index);
    Future<Booking> moved = memberId.equals(booking.resourceId())
        ? moveOnItsResource(offer.member(memberId).orElseThrow(), offer.type(), booking, newTime, now, actor)
        : moveToMember(offer, booking, memberId, newTime, now, actor);
    return moved.recover(err -> err instanceof SlotUnavailableException || err instanceof ResourceBusyException
        ? moveToFirstFree(offer, booking, newTime, ranked, index + 1, now, err, actor)
        : Future.failedFuture(err));
  }

  /** One compare-and-set on the booking's own resource replaces its block with the new time's. */
  private Future<Booking> moveOnItsResource(
      Resource resource, BookingType type, Booking booking, TimeRange newTime, Instant now,
      BookingChange.Actor actor) {
    Booking moved = booking.movedTo(newTime, now);
    Block block = Block.forBooking(moved, type, now);
    return writer.update(booking.resourceId(), schedule -> {
          Schedule without = schedule.release(booking.id(), now);
          BookSlotService.requireOffered(resource, type, newTime.length(), without, now, newTime);
          return schedule.replace(booking.id(), List.of(block), now);
        })
        .compose(s -> record(BookingChange.Kind.RESCHEDULED, moved, booking, actor))
        .compose(v -> bookings.update(moved))
        .map(moved);
  }

  private Future<Booking> moveToMember(
      PublicCatalog.Offer offer, Booking booking, String memberId, TimeRange newTime, Instant now,
      BookingChange.Actor actor) {
    Booking moved = booking.reassignedTo(memberId, newTime, now);
    return pools.placeOn(offer, newTime.length(), List.of(moved), memberId, now)
        .compose(placed -> record(BookingChange.Kind.RESCHEDULED, moved, booking, actor)
            // the old member's block is the janitor's if the release below never happens (ADR 82)
            .compose(v -> schedules.markUnswept(booking.resourceId()))
            .compose(v -> bookings.update(moved))
            .recover(err -> pools.release(List.of(memberId), List.of(moved), now)
                .transform(ignored -> Future.failedFuture(err))))
        // Moved: if freeing the old member's block fails, the janitor frees it (the booking no longer names it).
        .compose(v -> schedules.update(booking.resourceId(), s -> s.release(booking.id(), now)).otherwiseEmpty())
        .map(moved);
  }

  private Future<Void> record(BookingChange.Kind kind, Booking after, Booking before, BookingChange.Actor actor) {
    return events.record(List.of(new BookingChange(kind, after, before, actor)));
  }

  private static String describe(Booking booking, Instant now) {
    return booking.status() == BookingStatus.HELD ? "an expired hold" : booking.status().name().toLowerCase();
  }
}
