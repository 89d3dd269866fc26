package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Answers;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PoolSlots;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.SlotUnavailableException;
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
import dev.dovetail.kernel.TimeRange;
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
  private final ExternalCheck external;
  private final PoolPlacement pools;

  public BookSlotService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock) {
    this(catalog, schedules, bookings, lock, events, tokens, clock, ExternalBusy.none());
  }

  /** With a live check of the provider's external calendars, asked before the resource lock is taken. */
  public BookSlotService(PublicCatalog catalog, ScheduleRepository schedules, BookingRepository bookings,
      ResourceLock lock, BookingEvents events, ManageTokens tokens, Clock clock, ExternalBusy externalBusy) {
    this.external = new ExternalCheck(externalBusy);
    this.pools = new PoolPlacement(schedules, lock, external);
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
    if (type.pool() == null && command.memberPick() != null) {
      return Future.failedFuture(new InvalidRequestException("this booking type offers one resource: no resourceId"));
    }
    List<Answer> answers = command.answers() == null ? List.of()
        : Answers.check(type.details().questions(), command.answers());
    Instant now = clock.instant();
    List<Booking> drafts = newBookings(offer, command, duration, now).stream()
        .map(draft -> draft.withAnswers(answers).withLanguage(command.language())).toList();
    return place(offer, duration, drafts, command.memberPick(), now)
        .compose(made -> events.record(made.stream()
                .map(b -> new BookingChange(BookingChange.Kind.BOOKED, b, null, BookingChange.Actor.CUSTOMER))
                .toList())
            .compose(v -> bookings.insertAll(made))
            .recover(err -> pools.release(PoolPlacement.resourcesOf(made), made, now)
                .transform(ignored -> Future.failedFuture(err)))
            .map(v -> receipt(made)))
        .recover(err -> err instanceof ResourceBusyException busy
            ? takenMeanwhileOrBusy(offer, duration, drafts, busy)
            : Future.failedFuture(err))
        .recover(err -> err instanceof SlotUnavailableException refused
            ? withAlternatives(offer, duration, refused, command.start())
            : Future.failedFuture(err));
  }

  /** The drafts' blocks placed on their resource, on an ANY pool's chosen member, or on every member of an ALL pool. */
  private Future<List<Booking>> place(Offer offer, Duration duration, List<Booking> drafts, String pick, Instant now) {
    if (offer.type().pool() != null) {
      return offer.type().pool().mode() == ResourcePool.Mode.ALL
          ? pools.placeAll(offer, duration, drafts, now)
          : pools.placeAny(offer, duration, drafts, pick, now);
    }
    BookingType type = offer.type();
    List<Block> blocks = drafts.stream().map(b -> Block.forBooking(b, type, now)).toList();
    String resourceId = offer.resource().id();
    // Outside the lock: the external calendars may be slow (the adapter bounds the wait).
    return external.requireFree(resourceId, drafts, blocks)
        .compose(free -> writer.update(resourceId, schedule -> {
          for (Booking booking : drafts) {
            requireOffered(offer.resource(), type, duration, schedule, now, booking.time());
          }
          return schedule.place(blocks, now);
        }))
        .map(drafts);
  }

  private BookingReceipt receipt(List<Booking> made) {
    return new BookingReceipt(made.stream().map(b -> new BookingReceipt.Issued(b, tokens.issue(b.id()))).toList());
  }

  /**
   * The lock could not be had in time because others were writing to the resource. If one of them took the wanted
   * time, the customer deserves the same answer as a loser of the race under the lock: a 409 with alternatives. If the
   * time is still free (on some member of an ANY pool, on every member of an ALL pool), the resource was only busy:
   * try again (503).
   */
  private Future<BookingReceipt> takenMeanwhileOrBusy(
      Offer offer, Duration duration, List<Booking> made, ResourceBusyException busy) {
    Instant now = clock.instant();
    List<TimeRange> wanted = made.stream().map(Booking::time).toList();
    if (offer.type().pool() != null) {
      return MemberSchedules.load(schedules, offer).compose(members -> {
        boolean stillOffered = PoolSlots.offersAll(offer.type(), duration, members, now, wanted);
        return Future.failedFuture(stillOffered ? busy : PoolPlacement.refusedEverywhere(wanted));
      });
    }
    return schedules.load(offer.resource().id()).compose(schedule -> {
      for (TimeRange time : wanted) {
        requireOffered(offer, duration, schedule, now, time);
      }
      return Future.failedFuture(busy);
    });
  }

  /** The offer's free slots (a pool's union or intersection) around {@code wanted} ({@link Alternatives#around}). */
  private Future<List<Slot>> freeSlotsNear(Offer offer, Duration duration, Instant wanted) {
    Instant now = clock.instant();
    TimeRange window = Alternatives.around(wanted);
    if (offer.type().pool() != null) {
      return MemberSchedules.load(schedules, offer)
          .map(members -> PoolSlots.freeSlots(offer.type(), duration, members, now, window));
    }
    return schedules.load(offer.resource().id()).map(schedule -> SlotEngine.freeSlots(
        offer.resource(), offer.type(), duration, schedule, now, window));
  }

  static void requireOffered(Offer offer, Duration duration, Schedule schedule, Instant now, TimeRange time) {
    requireOffered(offer.resource(), offer.type(), duration, schedule, now, time);
  }

  static void requireOffered(
      Resource resource, BookingType type, Duration duration, Schedule schedule, Instant now, TimeRange time) {
    if (SlotEngine.isFree(resource, type, duration, schedule, now, time.start())) {
      return;
    }
    boolean taken = schedule.index(now).overlapsAny(type.blockingSpan(time));
    throw new SlotUnavailableException(taken
        ? "the time " + time.start() + " is already taken"
        : "the time " + time.start() + " is not an offered slot (opening hours, notice, horizon or limits)",
        List.of(time));
  }

  private Future<BookingReceipt> withAlternatives(
      Offer offer, Duration duration, SlotUnavailableException refused, Instant wanted) {
    return freeSlotsNear(offer, duration, wanted)
        .map(free -> Alternatives.nearest(free, wanted))
        .compose(alternatives -> Future.failedFuture(new SlotTakenException(refused, alternatives)));
  }

  /** The bookings asked for, on the type's own resource until a pool places them. */
  private static List<Booking> newBookings(Offer offer, BookSlotCommand command, Duration duration, Instant now) {
    int count = command.weeklyOccurrences();
    String seriesId = count > 1 ? Ids.random() : null;
    BookingStatus status = command.hold() ? BookingStatus.HELD : BookingStatus.CONFIRMED;
    Duration holdFor = command.holdFor() == null ? offer.type().holdDuration() : command.holdFor();
    Instant holdExpiry = command.hold() ? now.plus(holdFor) : null;
    List<Booking> made = new ArrayList<>();
    for (int week = 0; week < count; week++) {
      // Weekly repeats keep the wall-clock time of the resource's zone, across DST changes.
      Instant start = command.start().atZone(offer.resource().zone()).plusWeeks(week).toInstant();
      made.add(new Booking(Ids.random(), offer.provider().id(), offer.resource().id(), offer.type().id(),
          TimeRange.of(start, duration), command.customerZone(), command.customerName().strip(),
          command.customerEmail().strip(), status, holdExpiry, seriesId, 0, now, now));
    }
    return made;
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
