package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.MemberSchedule;
import dev.dovetail.booking.domain.PoolSlots;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.port.in.DayState;
import dev.dovetail.booking.port.in.FreeTime;
import dev.dovetail.booking.port.in.ListAvailability;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Free slots for the public booking page; the viewer's dates are turned into instants in the viewer's zone. A pooled
 * type offers the union (ANY) or intersection (ALL) of its members' free slots ({@link PoolSlots}). Answers are kept
 * per node ({@link SlotAnswers}, ADR 63) and served again while the offer, every member's schedule and the clock's
 * part leave them unchanged; the offer and the schedules are read for every query.
 */
public class AvailabilityService implements ListAvailability {

  public static final int MAX_DAYS = 62;

  private final PublicCatalog catalog;
  private final ScheduleRepository schedules;
  private final Clock clock;
  private final SlotAnswers answers = new SlotAnswers();

  public AvailabilityService(PublicCatalog catalog, ScheduleRepository schedules, Clock clock) {
    this.catalog = catalog;
    this.schedules = schedules;
    this.clock = clock;
  }

  /**
   * The free slots and each date's state: a date without free time is {@code FULL} if the same type on an empty
   * calendar (no bookings, no busy times) would offer time then, else {@code CLOSED} (ADR 55).
   */
  @Override
  public Future<FreeTime> freeTime(SlotQuery query) {
    if (query.from() == null || query.to() == null || query.viewerZone() == null) {
      return Future.failedFuture(new InvalidRequestException("from, to and tz are required"));
    }
    long days = ChronoUnit.DAYS.between(query.from(), query.to());
    if (days < 1 || days > MAX_DAYS) {
      return Future.failedFuture(new InvalidRequestException(
          "'to' must be 1 to " + MAX_DAYS + " days after 'from': " + query.from() + " .. " + query.to()));
    }
    TimeRange window = new TimeRange(
        query.from().atStartOfDay(query.viewerZone()).toInstant(),
        query.to().atStartOfDay(query.viewerZone()).toInstant());
    return catalog.offer(query.bookingTypeId()).compose(offer -> {
      Instant now = clock.instant();
      return MemberSchedules.load(schedules, offer).map(members -> {
        FreeTime kept = answers.get(query, offer, members, now);
        if (kept != null) {
          return kept;
        }
        Duration duration = query.duration() == null ? offer.type().defaultDuration() : query.duration();
        FreeTime fresh = compute(query, offer, duration, members, now, window);
        answers.put(query, offer, members, now, validUntil(offer, duration, members, now, window), fresh);
        return fresh;
      });
    });
  }

  /** Answers served from this node's cache and computed, since this service was built (for tests and figures). */
  public long cacheHits() {
    return answers.hits();
  }

  public long cacheMisses() {
    return answers.misses();
  }

  private static FreeTime compute(SlotQuery query, PublicCatalog.Offer offer, Duration duration,
      List<MemberSchedule> members, Instant now, TimeRange window) {
    List<Slot> free = slots(offer, duration, members, now, window);
    List<MemberSchedule> empty = offer.members().stream()
        .map(r -> new MemberSchedule(r, Schedule.empty(r.id()))).toList();
    Set<LocalDate> open = datesOf(slots(offer, duration, empty, now, window), query.viewerZone());
    Set<LocalDate> withFree = datesOf(free, query.viewerZone());
    SortedMap<LocalDate, DayState> states = new TreeMap<>();
    for (LocalDate d = query.from(); d.isBefore(query.to()); d = d.plusDays(1)) {
      states.put(d, withFree.contains(d) ? DayState.FREE : open.contains(d) ? DayState.FULL : DayState.CLOSED);
    }
    return new FreeTime(List.copyOf(free), Collections.unmodifiableSortedMap(states));
  }

  /**
   * The first instant at which the same inputs may give another answer: a start the minimum notice drops or the
   * horizon lets in on any member, or a member's hold expiring.
   */
  private static Instant validUntil(PublicCatalog.Offer offer, Duration duration, List<MemberSchedule> members,
      Instant now, TimeRange window) {
    Instant until = Instant.MAX;
    for (MemberSchedule member : members) {
      Instant clockChange = SlotEngine.clockChange(member.resource(), offer.type(), duration, now, window);
      Instant expiry = member.schedule().nextExpiry(now);
      until = min(until, min(clockChange, expiry));
    }
    return until;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static List<Slot> slots(PublicCatalog.Offer offer, Duration duration, List<MemberSchedule> members,
      Instant now, TimeRange window) {
    return offer.type().pool() == null
        ? SlotEngine.freeSlots(offer.resource(), offer.type(), duration, members.get(0).schedule(), now, window)
        : PoolSlots.freeSlots(offer.type(), duration, members, now, window);
  }

  private static Set<LocalDate> datesOf(List<Slot> slots, ZoneId zone) {
    Set<LocalDate> dates = new HashSet<>();
    slots.forEach(slot -> dates.add(slot.start().atZone(zone).toLocalDate()));
    return dates;
  }
}
