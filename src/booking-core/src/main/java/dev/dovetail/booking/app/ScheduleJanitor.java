package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings booking documents and schedules back in line; safe to run on every node at once (every write is a
 * compare-and-set). Expired holds become EXPIRED (their blocks stopped blocking at expiry already), and the expiry is
 * recorded as a {@link BookingChange.Kind#EXPIRED} change first (consumers cancel payments, offer the time again). The schedule is
 * the source of truth for time: a block whose booking is missing (its insert was lost in a crash, and it is older than
 * {@link #GRACE}) or no longer active is freed; a booking whose block moved (a reschedule interrupted by a crash) gets
 * the block's time; a held booking whose block was confirmed becomes CONFIRMED.
 *
 * <p>Pools (ADR 43): a block whose booking does not name its resource is freed too (an ANY booking moved to another
 * member, interrupted by a crash), and so is a block at another time than its booking's while the resource also holds
 * that booking's block at the booking's time (an ALL booking's move interrupted by a crash: before the booking
 * document took the new time, the new block goes; after, the old one). An ALL booking interrupted by a crash before its
 * document was written left blocks on some members and no booking: each is freed like any orphaned block, so no partial
 * block outlives the grace.
 *
 * <p>Which resources (ADR 82): only those the store lists as {@linkplain ScheduleRepository#unswept unswept}, not every
 * resource. Every schedule write marks its resource, and so does every write that may leave a block for the janitor
 * without writing that schedule (a cancellation's and a hold's expiry's booking write, a booking moving to another
 * member), before it. A sweep clears a mark only when it found nothing to repair, no block inside its grace, and no
 * write or mark within the grace: a write in flight when the sweep read the bookings (a cancellation between its mark
 * and its booking write) ends long before that, so its outcome is seen by a later sweep. A resource written at least
 * every few minutes stays marked and is looked at every sweep, as before; an idle one costs nothing.
 */
public class ScheduleJanitor {

  public static final Duration GRACE = Duration.ofMinutes(5);
  private static final int BATCH = 200;

  /** What one sweep changed, and how many resources it looked at. */
  public record Report(int holdsExpired, int blocksFreed, int bookingsRealigned, int resourcesLooked) {}

  private final ScheduleRepository schedules;
  private final BookingRepository bookings;
  private final BookingEvents events;
  private final Clock clock;

  public ScheduleJanitor(ScheduleRepository schedules, BookingRepository bookings, BookingEvents events, Clock clock) {
    this.schedules = schedules;
    this.bookings = bookings;
    this.events = events;
    this.clock = clock;
  }

  public Future<Report> sweep() {
    Instant now = clock.instant();
    return expireHolds(now).compose(expired -> schedules.unswept().compose(marked -> {
      Future<int[]> chain = Future.succeededFuture(new int[2]);
      for (ScheduleRepository.Unswept seen : marked) {
        chain = chain.compose(totals -> reconcile(seen, now).map(counts -> {
          totals[0] += counts[0];
          totals[1] += counts[1];
          return totals;
        }));
      }
      return chain.map(totals -> new Report(expired, totals[0], totals[1], marked.size()));
    }));
  }

  private Future<Integer> expireHolds(Instant now) {
    return bookings.findExpiredHolds(now, BATCH).compose(holds -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Booking hold : holds) {
        chain = chain.compose(n -> schedules.load(hold.resourceId()).compose(schedule -> {
          boolean confirmed = schedule.find(hold.id()).map(b -> b.expiresAt() == null).orElse(false);
          Booking next = hold.withStatus(confirmed ? BookingStatus.CONFIRMED : BookingStatus.EXPIRED, now);
          Future<Void> recorded = confirmed ? Future.succeededFuture()
              : events.record(List.of(new BookingChange(BookingChange.Kind.EXPIRED, next, hold,
                  BookingChange.Actor.SYSTEM))).compose(v -> markEach(hold.resourceIds()));
          return recorded.compose(v -> bookings.update(next)).map(n + 1).otherwise(n);
        }));
      }
      return chain;
    });
  }

  /** Marks each resource for a later sweep (the expired hold's block is freed there). */
  private Future<Void> markEach(List<String> resourceIds) {
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : resourceIds) {
      chain = chain.compose(v -> schedules.markUnswept(resourceId));
    }
    return chain;
  }

  /**
   * Returns {blocks freed, bookings realigned} for one resource, and clears its mark if it is in order and settled: no
   * repair, no booking block and no write or mark within the grace.
   */
  private Future<int[]> reconcile(ScheduleRepository.Unswept seen, Instant now) {
    String resourceId = seen.resourceId();
    Instant graceStart = now.minus(GRACE);
    return schedules.load(resourceId).compose(schedule -> {
      List<Block> bookingBlocks = schedule.blocks().stream().filter(b -> b.kind() == Block.Kind.BOOKING).toList();
      List<Block> settled = bookingBlocks.stream().filter(b -> b.placedAt().isBefore(graceStart)).toList();
      boolean quiet = settled.size() == bookingBlocks.size() && seen.changedAt().isBefore(graceStart);
      return findAll(settled.stream().map(Block::ownerId).distinct().toList()).compose(found -> {
        List<String> stale = new ArrayList<>();
        List<Booking> moved = new ArrayList<>();
        List<Booking> realign = new ArrayList<>();
        for (Block block : settled) {
          Booking booking = found.get(block.ownerId());
          if (booking == null || !booking.status().isActive() || !booking.blocksResource(resourceId)) {
            stale.add(block.ownerId());
          } else if (booking.time().equals(block.booked())) {
            continue;
          } else if (atItsTime(schedule, booking)) {
            moved.add(booking);
          } else if (booking.resourceIds().size() == 1) {
            realign.add(booking.movedTo(block.booked(), now));
          }
        }
        Future<Void> freed = stale.isEmpty() && moved.isEmpty() ? Future.succeededFuture()
            : schedules.update(resourceId, s -> {
              Schedule next = s;
              for (String owner : stale) {
                next = next.release(owner, now);
              }
              for (Booking booking : moved) {
                next = next.keepOnly(booking.id(), booking.time(), now);
              }
              return next;
            }).mapEmpty();
        boolean inOrder = stale.isEmpty() && moved.isEmpty() && realign.isEmpty();
        return freed.compose(v -> Future.join(realign.stream().map(bookings::update).toList()))
            .compose(v -> quiet && inOrder ? schedules.markSwept(seen).mapEmpty() : Future.succeededFuture())
            .map(v -> new int[] {stale.size() + moved.size(), realign.size()});
      });
    });
  }

  /** Whether the resource holds a block of the booking at the booking's own time (beside the one being looked at). */
  private static boolean atItsTime(Schedule schedule, Booking booking) {
    return schedule.blocksOf(booking.id()).stream().anyMatch(b -> b.booked().equals(booking.time()));
  }

  private Future<Map<String, Booking>> findAll(List<String> ids) {
    List<Future<List<Booking>>> batches = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH) {
      batches.add(bookings.findByIds(ids.subList(i, Math.min(ids.size(), i + BATCH))));
    }
    Future<?> all = Future.all(batches);
    return all.map(done -> batches.stream()
        .flatMap(f -> f.result().stream())
        .collect(Collectors.toMap(Booking::id, Function.identity())));
  }
}
