package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.MemberChoice;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Places the blocks of a pooled booking (ADR 43), never weakening the per-resource guarantee: every block is written
 * by the member's own compare-and-set, which re-checks the rules on its freshest schedule.
 *
 * <p>ANY: the members free at the wanted times are ranked by the pool's rule ({@link MemberChoice}) on a snapshot,
 * then tried in that order, each under its own lock; a member taken meanwhile refuses and the next is tried, so N
 * racers for an N-member pool all get one, and the N+1st a 409. ALL: the members' locks are taken one inside the
 * other in {@link ResourcePool#lockOrder} (the same on every node, so two ALL bookings never wait on each other in a
 * circle), then each member's block is placed by compare-and-set in that order; if one refuses, the blocks already
 * placed are released before the locks are, so no member stays blocked. A crash in between leaves blocks without a
 * booking document, which {@link ScheduleJanitor} frees after its grace period.
 */
final class PoolPlacement {

  private final ScheduleRepository schedules;
  private final ResourceLock lock;
  private final ExternalCheck external;

  PoolPlacement(ScheduleRepository schedules, ResourceLock lock, ExternalCheck external) {
    this.schedules = schedules;
    this.lock = lock;
    this.external = external;
  }

  /** ANY: the drafts placed on one member (the customer's pick, else the best free one by the pool's rule). */
  Future<List<Booking>> placeAny(Offer offer, Duration duration, List<Booking> drafts, String pick, Instant now) {
    ResourcePool pool = offer.type().pool();
    if (pick != null && !pool.customerMayPick()) {
      return Future.failedFuture(new InvalidRequestException("this booking type assigns the resource itself"));
    }
    if (pick != null && !pool.contains(pick)) {
      return Future.failedFuture(new InvalidRequestException("resourceId is not a member of this pool: " + pick));
    }
    List<TimeRange> wanted = drafts.stream().map(Booking::time).toList();
    return MemberSchedules.load(schedules, offer).compose(members -> {
      List<String> ranked = pick != null ? List.of(pick)
          : MemberChoice.ranked(offer.type(), duration, members, now, wanted);
      if (ranked.isEmpty()) {
        return Future.failedFuture(refusedEverywhere(wanted));
      }
      return tryInOrder(offer, duration, drafts, ranked, 0, now, null);
    });
  }

  private Future<List<Booking>> tryInOrder(Offer offer, Duration duration, List<Booking> drafts, List<String> ranked,
      int index, Instant now, Throwable lastRefusal) {
    if (index == ranked.size()) {
      return Future.failedFuture(lastRefusal);
    }
    String memberId = ranked.get(index);
    List<Booking> made = drafts.stream().map(b -> b.placedOn(List.of(memberId))).toList();
    return placeOn(offer, duration, made, memberId, now)
        .map(made)
        .recover(err -> err instanceof SlotUnavailableException || err instanceof ResourceBusyException
            ? tryInOrder(offer, duration, drafts, ranked, index + 1, now, moreTelling(lastRefusal, err))
            : Future.failedFuture(err));
  }

  /** A busy member (503, try again) says more than a taken one only when no member answered "taken". */
  private static Throwable moreTelling(Throwable before, Throwable now) {
    return before instanceof SlotUnavailableException ? before : now;
  }

  /** One member: its external calendars (outside the lock), then its lock and compare-and-set. */
  Future<Schedule> placeOn(Offer offer, Duration duration, List<Booking> made, String memberId, Instant now) {
    BookingType type = offer.type();
    Resource member = offer.member(memberId).orElseThrow();
    List<Block> blocks = made.stream().map(b -> Block.forBooking(b, type, now)).toList();
    return external.requireFree(memberId, made, blocks)
        .compose(free -> lock.withLock(memberId, () -> schedules.update(memberId, s -> place(member, type, duration,
            s, made, blocks, now))));
  }

  /** ALL: the drafts placed on every member, all or nothing. */
  Future<List<Booking>> placeAll(Offer offer, Duration duration, List<Booking> drafts, Instant now) {
    ResourcePool pool = offer.type().pool();
    List<Booking> made = drafts.stream().map(b -> b.placedOn(pool.resourceIds())).toList();
    List<Block> blocks = made.stream().map(b -> Block.forBooking(b, offer.type(), now)).toList();
    List<String> order = pool.lockOrder();
    Future<Void> checked = Future.succeededFuture();
    for (String memberId : order) {
      checked = checked.compose(v -> external.requireFree(memberId, made, blocks));
    }
    return checked
        .compose(v -> lockAll(order, 0, () -> placeEach(offer, duration, order, 0, made, blocks, now)))
        .map(made);
  }

  /**
   * ALL, make-before-break: under every member's lock (taken in {@link ResourcePool#lockOrder}), each member gets the
   * booking's block at the new time beside its current one, by compare-and-set after the same rule check as a
   * booking (on the member's schedule without this booking). If a member refuses, the new blocks already placed are
   * freed before the locks are, and the refusal is the answer; the current blocks are never touched here.
   */
  Future<Void> placeMoveOnAll(Offer offer, Booking booking, Booking moved, Instant now) {
    List<String> order = offer.type().pool().lockOrder();
    Block block = Block.forBooking(moved, offer.type(), now);
    return lockAll(order, 0, () -> placeBesideEach(offer, order, 0, booking, block, now));
  }

  private Future<Void> placeBesideEach(Offer offer, List<String> order, int index, Booking booking, Block block,
      Instant now) {
    if (index == order.size()) {
      return Future.succeededFuture();
    }
    String memberId = order.get(index);
    Resource member = offer.member(memberId).orElseThrow();
    return schedules.update(memberId, s -> {
          BookSlotService.requireOffered(member, offer.type(), block.booked().length(),
              s.release(booking.id(), now), now, block.booked());
          return s.placeBeside(block, booking.time(), now);
        })
        .compose(s -> placeBesideEach(offer, order, index + 1, booking, block, now))
        .recover(err -> keepOnly(order.subList(0, index), booking.id(), booking.time(), now)
            .transform(ignored -> Future.failedFuture(err)));
  }

  /** On each resource, frees the owner's blocks at any other time than {@code kept}; one compare-and-set each. */
  Future<Void> keepOnly(List<String> resourceIds, String ownerId, TimeRange kept, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : resourceIds) {
      chain = chain.compose(v -> schedules.update(resourceId, s -> s.keepOnly(ownerId, kept, now)).mapEmpty());
    }
    return chain;
  }

  /** Runs {@code work} holding the locks of {@code order[from..]}, taken in that order. */
  private <T> Future<T> lockAll(List<String> order, int from, Supplier<Future<T>> work) {
    if (from == order.size()) {
      return work.get();
    }
    return lock.withLock(order.get(from), () -> lockAll(order, from + 1, work));
  }

  private Future<Void> placeEach(Offer offer, Duration duration, List<String> order, int index, List<Booking> made,
      List<Block> blocks, Instant now) {
    if (index == order.size()) {
      return Future.succeededFuture();
    }
    String memberId = order.get(index);
    Resource member = offer.member(memberId).orElseThrow();
    return schedules.update(memberId, s -> place(member, offer.type(), duration, s, made, blocks, now))
        .compose(s -> placeEach(offer, duration, order, index + 1, made, blocks, now))
        .recover(err -> index == 0 ? Future.failedFuture(err)
            : release(order.subList(0, index), made, now).transform(ignored -> Future.failedFuture(err)));
  }

  private static Schedule place(Resource member, BookingType type, Duration duration, Schedule schedule,
      List<Booking> made, List<Block> blocks, Instant now) {
    for (Booking booking : made) {
      BookSlotService.requireOffered(member, type, duration, schedule, now, booking.time());
    }
    return schedule.place(blocks, now);
  }

  /** Frees the bookings' blocks on the given resources, one compare-and-set each. */
  Future<Void> release(List<String> resourceIds, List<Booking> made, Instant now) {
    Future<Void> chain = Future.succeededFuture();
    for (String resourceId : resourceIds) {
      chain = chain.compose(v -> schedules.update(resourceId, s -> {
        Schedule next = s;
        for (Booking booking : made) {
          next = next.release(booking.id(), now);
        }
        return next;
      }).mapEmpty());
    }
    return chain;
  }

  /** Every resource any of the bookings blocks, each once. */
  static List<String> resourcesOf(List<Booking> made) {
    Set<String> ids = new LinkedHashSet<>();
    made.forEach(b -> ids.addAll(b.resourceIds()));
    return new ArrayList<>(ids);
  }

  static SlotUnavailableException refusedEverywhere(List<TimeRange> wanted) {
    return new SlotUnavailableException(
        "no member of the pool is free at " + wanted.get(0).start(), List.of(wanted.get(0)));
  }
}
