package dev.dovetail.waitlist.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.MemberSchedule;
import dev.dovetail.booking.domain.PoolSlots;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.port.out.OutboxRepository;
import dev.dovetail.waitlist.domain.ClaimWindow;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Offers free slots to waiting customers. For one resource, under a cluster-wide lock (so nodes do not race each
 * other for the same work): per booking type with its waitlist on, the WAITING entries in join order each get the
 * earliest free slot that fulfils their wish and that nobody before them got in this round. An offer is a HELD booking
 * for the customer, made through {@link BookSlot} (the same guarded path as any booking: it cannot double-sell), held
 * for the claim window; then the entry is marked OFFERED (compare-and-set), then the offer mail is recorded in the
 * outbox. If the entry changed in between, the hold is cancelled again. A crash in between leaves at worst a hold that
 * expires by itself.
 */
public class Backfill {

  static final int SWEEP_BATCH = 500;

  /** What one sweep did. */
  public record Report(int lapsed, int offered) {}

  private final WaitlistRepository entries;
  private final PublicCatalog catalog;
  private final ScheduleRepository schedules;
  private final BookSlot bookSlot;
  private final ProviderBookings bookings;
  private final OutboxRepository outbox;
  private final ResourceLock lock;
  private final Clock clock;
  private final Runnable onMailRecorded;

  public Backfill(WaitlistRepository entries, PublicCatalog catalog, ScheduleRepository schedules, BookSlot bookSlot,
      ProviderBookings bookings, OutboxRepository outbox, ResourceLock lock, Clock clock, Runnable onMailRecorded) {
    this.entries = entries;
    this.catalog = catalog;
    this.schedules = schedules;
    this.bookSlot = bookSlot;
    this.bookings = bookings;
    this.outbox = outbox;
    this.lock = lock;
    this.clock = clock;
    this.onMailRecorded = onMailRecorded;
  }

  /**
   * Lapses the offers whose window closed (the customer goes back to waiting, without that slot; an offer whose hold
   * was confirmed after all is marked booked), records again the mail of open offers (a no-op unless a crash lost
   * it), then matches every resource with waiting customers. Safe on every node at once.
   */
  public Future<Report> sweep() {
    Instant now = clock.instant();
    return entries.findOffered(SWEEP_BATCH).compose(offered -> {
      Future<Integer> lapsed = Future.succeededFuture(0);
      for (WaitlistEntry entry : offered) {
        if (entry.offer().openAt(now)) {
          lapsed = lapsed.compose(n -> outbox.record(List.of(WaitlistMail.offer(entry, now))).map(n));
        } else {
          lapsed = lapsed.compose(n -> settle(entry, now).map(done -> done ? n + 1 : n));
        }
      }
      return lapsed;
    }).compose(lapsed -> entries.resourcesWithWaiting().compose(resources -> {
      Future<Integer> offered = Future.succeededFuture(0);
      for (String resourceId : resources) {
        offered = offered.compose(n -> match(resourceId).map(m -> n + m).otherwise(n));
      }
      return offered.map(n -> new Report(lapsed, n));
    }));
  }

  /**
   * Time freed on {@code resourceId}: matches its own waiting customers, then those of every pooled booking type
   * naming it as a member (ADR 43: their entries wait under the type's own resource, its first member); returns how
   * many offers were made.
   */
  public Future<Integer> matchFreed(String resourceId) {
    return catalog.typeResourcesUsing(resourceId).compose(homes -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (String home : homes) {
        chain = chain.compose(n -> match(home).map(m -> n + m));
      }
      return chain;
    });
  }

  /** Offers the resource's free slots to its waiting customers; returns how many offers were made. */
  public Future<Integer> match(String resourceId) {
    return lock.withLock("waitlist-" + resourceId, () -> entries.findWaiting(resourceId).compose(waiting -> {
      Instant now = clock.instant();
      Map<String, List<WaitlistEntry>> byType = new LinkedHashMap<>();
      Future<Integer> chain = Future.succeededFuture(0);
      for (WaitlistEntry e : waiting) {
        if (e.wishPassedAt(now)) {
          // Off the list, so sweeps stop reading it; a concurrent change wins (it is looked at again next time).
          chain = chain.compose(n -> entries.update(e.expired(now)).map(n).otherwise(n));
        } else {
          byType.computeIfAbsent(e.bookingTypeId(), k -> new ArrayList<>()).add(e);
        }
      }
      for (Map.Entry<String, List<WaitlistEntry>> group : byType.entrySet()) {
        chain = chain.compose(n -> matchType(resourceId, group.getKey(), group.getValue()).map(m -> n + m));
      }
      return chain;
    }));
  }

  /**
   * Holds {@code slot} for the entry for {@code window} and marks it offered; fails with a SlotUnavailableException if
   * the slot is not free, a ConflictException if the entry changed meanwhile.
   */
  public Future<WaitlistEntry> offer(WaitlistEntry entry, TimeRange slot, Duration window, boolean byHand) {
    BookSlotCommand hold = new BookSlotCommand(entry.bookingTypeId(), slot.start(), slot.length(),
        entry.customerZone(), entry.customerName(), entry.customerEmail(), true, 1, window);
    return bookSlot.book(hold).compose(receipt -> {
      Booking held = receipt.bookings().get(0).booking();
      Instant now = clock.instant();
      WaitlistEntry offered = entry.offered(new SlotOffer(held.id(), held.time(), held.holdExpiresAt(), byHand), now);
      return entries.update(offered)
          .recover(err -> withdraw(entry.providerId(), held.id()).transform(v -> Future.failedFuture(err)))
          .compose(v -> outbox.record(List.of(WaitlistMail.offer(offered, now))))
          .onSuccess(v -> onMailRecorded.run())
          .map(offered);
    });
  }

  /** Cancels an offer's hold so its slot passes on; a hold that already ended is fine. */
  public Future<Void> withdraw(String providerId, String heldBookingId) {
    return bookings.cancel(providerId, heldBookingId).<Void>mapEmpty()
        .recover(err -> err instanceof ConflictException || err instanceof NotFoundException
            ? Future.succeededFuture()
            : Future.failedFuture(err));
  }

  private Future<Integer> matchType(String resourceId, String typeId, List<WaitlistEntry> waiting) {
    return catalog.offer(typeId)
        .compose(offer -> entries.settings(typeId)
            .map(s -> s.orElse(WaitlistSettings.defaults(typeId)))
            .compose(settings -> !settings.enabled() || !offer.type().resourceId().equals(resourceId)
                ? Future.succeededFuture(0)
                : memberSchedules(offer).compose(members ->
                    offerAll(plan(offer, settings, members, waiting, clock.instant())))))
        .recover(err -> err instanceof NotFoundException ? Future.succeededFuture(0) : Future.failedFuture(err));
  }

  private record Planned(WaitlistEntry entry, TimeRange slot, Duration window) {}

  /** The schedule of each resource the type may book: its own, or every pool member's (ADR 43). */
  private Future<List<MemberSchedule>> memberSchedules(PublicCatalog.Offer offer) {
    return memberSchedules(schedules, offer);
  }

  static Future<List<MemberSchedule>> memberSchedules(ScheduleRepository schedules, PublicCatalog.Offer offer) {
    List<Future<MemberSchedule>> loads = offer.members().stream()
        .map(r -> schedules.load(r.id()).map(s -> new MemberSchedule(r, s)))
        .toList();
    Future<?> all = Future.all(loads);
    return all.map(v -> loads.stream().map(Future::result).toList());
  }

  /** Every resource the type may book, with an empty schedule. */
  static List<MemberSchedule> emptySchedules(PublicCatalog.Offer offer) {
    return offer.members().stream().map(r -> new MemberSchedule(r, Schedule.empty(r.id()))).toList();
  }

  /** The type's free slots of {@code length} in {@code range}: its resource's, or its pool's ({@link PoolSlots}). */
  static List<Slot> freeSlots(PublicCatalog.Offer offer, List<MemberSchedule> members, Duration length, Instant now,
      TimeRange range) {
    return offer.type().pool() == null
        ? SlotEngine.freeSlots(offer.resource(), offer.type(), length, members.get(0).schedule(), now, range)
        : PoolSlots.freeSlots(offer.type(), length, members, now, range);
  }

  /** Join order first: each entry takes its earliest matching free slot not given to someone before it. */
  private static List<Planned> plan(PublicCatalog.Offer offer, WaitlistSettings settings,
      List<MemberSchedule> members, List<WaitlistEntry> waiting, Instant now) {
    Set<Instant> given = new HashSet<>();
    List<Planned> planned = new ArrayList<>();
    for (WaitlistEntry entry : waiting) {
      for (Slot slot : matchingSlots(offer, members, entry, now)) {
        Optional<Duration> window = ClaimWindow.forSlot(settings.claimWindow(), now, slot.start());
        if (window.isPresent() && !overlapsGiven(given, slot, offer)) {
          given.add(slot.start());
          planned.add(new Planned(entry, slot.range(), window.get()));
          break;
        }
      }
    }
    return planned;
  }

  private static boolean overlapsGiven(Set<Instant> given, Slot slot, PublicCatalog.Offer offer) {
    Duration length = slot.range().length();
    TimeRange span = offer.type().blockingSpan(slot.range());
    return given.stream().anyMatch(g -> offer.type().blockingSpan(TimeRange.of(g, length)).overlaps(span));
  }

  /**
   * Free slots of the type's default length that fulfil the entry's wish (minus the ones it let pass), earliest
   * first; a pooled type's are its pool's (any member free, or all of them: {@link PoolSlots}).
   */
  static List<Slot> matchingSlots(PublicCatalog.Offer offer, List<MemberSchedule> members, WaitlistEntry entry,
      Instant now) {
    return freeSlots(offer, members, offer.type().defaultDuration(), now,
            entry.wish().searchRange(entry.customerZone())).stream()
        .filter(slot -> entry.wishes(slot.range()))
        .toList();
  }

  private Future<Integer> offerAll(List<Planned> planned) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (Planned p : planned) {
      chain = chain.compose(n -> offer(p.entry(), p.slot(), p.window(), false)
          .map(e -> n + 1)
          // Taken meanwhile (a customer booked it) or the entry moved on: the next sweep looks again.
          .recover(err -> err instanceof SlotUnavailableException || err instanceof ConflictException
              ? Future.succeededFuture(n)
              : Future.failedFuture(err)));
    }
    return chain;
  }

  /** An expired offer: booked if its hold was confirmed after all, else waiting again. Returns whether it moved. */
  private Future<Boolean> settle(WaitlistEntry entry, Instant now) {
    return bookings.get(entry.providerId(), entry.offer().bookingId())
        .map(b -> b.status() == BookingStatus.CONFIRMED)
        .otherwise(false)
        .compose(confirmed -> confirmed
            ? catalog.offer(entry.bookingTypeId()).compose(o -> entries.update(entry.booked(entry.offer().bookingId(), o.type().price(), now)))
            : entries.update(entry.lapsed(now)))
        .map(true)
        .recover(err -> err instanceof ConflictException ? Future.succeededFuture(false) : Future.failedFuture(err));
  }
}
