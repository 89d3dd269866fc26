package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Books a slot (or a weekly series, all or nothing). Under the resource lock it only re-checks the rules against the
 * freshest schedule and writes it; the schedule write is itself a compare-and-set that refuses overlaps, so a lost
 * lock cannot double-book. The change is then recorded for its consumers (mail, sync) and the booking details are
 * written: if either fails the blocks are released again, and if the process dies in between, the janitor frees the
 * orphaned blocks.
 */
public class BookSlotService implements BookSlot {

  public static final int MAX_OCCURRENCES = 52;

  private final PublicCatalog catalog;
  private final ScheduleRepository schedules;
  private final BookingRepository bookings;
  private final ScheduleWriter writer;
  private final BookingEvents events;
  private final ManageTokens tokens;
  private final Clock clock;
  private final ExternalBusy externalBusy;

  public BookSlotService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock) {
    this(catalog, schedules, bookings, lock, events, tokens, clock, ExternalBusy.none());
  }

  /** With a live check of the provider's external calendars, asked before the resource lock is taken. */
  public BookSlotService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock, ExternalBusy externalBusy) {
    this.externalBusy = externalBusy;
    this.catalog = catalog;
    this.schedules = schedules;
    this.bookings = bookings;
    this.writer = new ScheduleWriter(lock, schedules);
    this.events = events;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public Future<BookingReceipt> book(BookSlotCommand command) {
    return Future.<Void>succeededFuture()
        .compose(v -> {
          validate(command);
          return catalog.offer(command.bookingTypeId());
        })
        .compose(offer -> book(offer, command));
  }

  private Future<BookingReceipt> book(Offer offer, BookSlotCommand command) {
    BookingType type = offer.type();
    Duration duration = command.duration() == null ? type.defaultDuration() : command.duration();
    if (!type.offers(duration)) {
      return Future.failedFuture(new InvalidRequestException("duration " + duration + " is not offered"));
    }
    Instant now = clock.instant();
    List<BookingReceipt.Issued> issued = newBookings(offer, command, duration, now);
    List<Booking> made = issued.stream().map(BookingReceipt.Issued::booking).toList();
    List<Block> blocks = made.stream().map(b -> Block.forBooking(b, type, now)).toList();
    String resourceId = offer.resource().id();
    // Outside the lock: the external calendars may be slow (the adapter bounds the wait).
    return requireExternallyFree(resourceId, made, blocks)
        .compose(free -> writer.update(resourceId, schedule -> {
          for (Booking booking : made) {
            requireOffered(offer, duration, schedule, now, booking.time());
          }
          return schedule.place(blocks, now);
        }))
        .compose(placed -> events.record(made.stream()
                .map(b -> new BookingChange(BookingChange.Kind.BOOKED, b, null, BookingChange.Actor.CUSTOMER))
                .toList())
            .compose(v -> bookings.insertAll(made))
            .recover(err -> releaseAll(resourceId, made, now).transform(ignored -> Future.failedFuture(err))))
        .map(v -> new BookingReceipt(issued))
        .recover(err -> err instanceof ResourceBusyException busy
            ? takenMeanwhileOrBusy(offer, duration, made, busy)
            : Future.failedFuture(err))
        .recover(err -> err instanceof SlotUnavailableException refused
            ? withAlternatives(offer, duration, refused, command.start())
            : Future.failedFuture(err));
  }

  /**
   * The lock could not be had in time because others were writing to the resource. If one of them took the wanted
   * time, the customer deserves the same answer as a loser of the race under the lock: a 409 with alternatives. If the
   * time is still free, the resource was only busy: try again (503).
   */
  private Future<BookingReceipt> takenMeanwhileOrBusy(
      Offer offer, Duration duration, List<Booking> made, ResourceBusyException busy) {
    return schedules.load(offer.resource().id()).compose(schedule -> {
      Instant now = clock.instant();
      for (Booking booking : made) {
        requireOffered(offer, duration, schedule, now, booking.time());
      }
      return Future.failedFuture(busy);
    });
  }

  private Future<Void> requireExternallyFree(String resourceId, List<Booking> made, List<Block> blocks) {
    Instant from = blocks.stream().map(b -> b.span().start()).min(Instant::compareTo).orElseThrow();
    Instant to = blocks.stream().map(b -> b.span().end()).max(Instant::compareTo).orElseThrow();
    return externalBusy.busy(resourceId, new TimeRange(from, to)).compose(busy -> {
      for (int i = 0; i < blocks.size(); i++) {
        TimeRange span = blocks.get(i).span();
        if (busy.stream().anyMatch(span::overlaps)) {
          TimeRange time = made.get(i).time();
          return Future.failedFuture(new SlotUnavailableException(
              "the time " + time.start() + " is busy in the provider's calendar", List.of(time)));
        }
      }
      return Future.succeededFuture();
    });
  }

  static void requireOffered(Offer offer, Duration duration, Schedule schedule, Instant now, TimeRange time) {
    if (SlotEngine.isFree(offer.resource(), offer.type(), duration, schedule, now, time.start())) {
      return;
    }
    boolean taken = schedule.index(now).overlapsAny(offer.type().blockingSpan(time));
    throw new SlotUnavailableException(taken
        ? "the time " + time.start() + " is already taken"
        : "the time " + time.start() + " is not an offered slot (opening hours, notice, horizon or limits)",
        List.of(time));
  }

  private Future<BookingReceipt> withAlternatives(
      Offer offer, Duration duration, SlotUnavailableException refused, Instant wanted) {
    return schedules.load(offer.resource().id())
        .map(schedule -> Alternatives.nearest(offer, duration, schedule, clock.instant(), wanted))
        .compose(alternatives -> Future.failedFuture(new SlotTakenException(refused, alternatives)));
  }

  private Future<Void> releaseAll(String resourceId, List<Booking> made, Instant now) {
    return schedules.update(resourceId, schedule -> {
      Schedule next = schedule;
      for (Booking booking : made) {
        next = next.release(booking.id(), now);
      }
      return next;
    }).mapEmpty();
  }

  private List<BookingReceipt.Issued> newBookings(
      Offer offer, BookSlotCommand command, Duration duration, Instant now) {
    int count = command.weeklyOccurrences();
    String seriesId = count > 1 ? Ids.random() : null;
    BookingStatus status = command.hold() ? BookingStatus.HELD : BookingStatus.CONFIRMED;
    Duration holdFor = command.holdFor() == null ? offer.type().holdDuration() : command.holdFor();
    Instant holdExpiry = command.hold() ? now.plus(holdFor) : null;
    List<BookingReceipt.Issued> issued = new ArrayList<>();
    for (int week = 0; week < count; week++) {
      // Weekly repeats keep the wall-clock time of the resource's zone, across DST changes.
      Instant start = command.start().atZone(offer.resource().zone()).plusWeeks(week).toInstant();
      String id = Ids.random();
      Booking booking = new Booking(id, offer.provider().id(), offer.resource().id(), offer.type().id(),
          TimeRange.of(start, duration), command.customerZone(), command.customerName().strip(),
          command.customerEmail().strip(), status, holdExpiry, seriesId, 0, now, now);
      issued.add(new BookingReceipt.Issued(booking, tokens.issue(id)));
    }
    return issued;
  }

  private static void validate(BookSlotCommand command) {
    if (command.start() == null) {
      throw new InvalidRequestException("start is required");
    }
    CustomerDetails.validate(command.customerName(), command.customerEmail(), command.customerZone());
    if (command.weeklyOccurrences() < 1 || command.weeklyOccurrences() > MAX_OCCURRENCES) {
      throw new InvalidRequestException("weeklyOccurrences must be between 1 and " + MAX_OCCURRENCES);
    }
    if (command.holdFor() != null && (command.holdFor().isNegative() || command.holdFor().isZero())) {
      throw new InvalidRequestException("a hold must last a positive time");
    }
  }
}
