package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PoolSlots;
import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotEngine;
import dev.dovetail.booking.domain.TimeRange;
import dev.dovetail.booking.port.in.ListAvailability;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.in.SlotQuery;
import dev.dovetail.booking.port.out.ScheduleRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Free slots for the public booking page; the viewer's dates are turned into instants in the viewer's zone. A pooled
 * type offers the union (ANY) or intersection (ALL) of its members' free slots ({@link PoolSlots}).
 */
public class AvailabilityService implements ListAvailability {

  public static final int MAX_DAYS = 62;

  private final PublicCatalog catalog;
  private final ScheduleRepository schedules;
  private final Clock clock;

  public AvailabilityService(PublicCatalog catalog, ScheduleRepository schedules, Clock clock) {
    this.catalog = catalog;
    this.schedules = schedules;
    this.clock = clock;
  }

  @Override
  public Future<List<Slot>> freeSlots(SlotQuery query) {
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
      Duration duration = query.duration() == null ? offer.type().defaultDuration() : query.duration();
      if (offer.type().pool() != null) {
        return MemberSchedules.load(schedules, offer).map(members -> PoolSlots.freeSlots(
            offer.type(), duration, members, clock.instant(), window));
      }
      return schedules.load(offer.resource().id()).map(schedule -> SlotEngine.freeSlots(
          offer.resource(), offer.type(), duration, schedule, clock.instant(), window));
    });
  }
}
