package dev.dovetail.waitlist.app;

import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hears that time may have freed on a resource (a booking cancelled, moved away or expired; a provider unblock or an
 * external event gone) and asks for a waitlist match of that resource soon. It only nudges: the change is recorded
 * before its write, so the match runs later and reads the schedule as it is then; and announcements may be lost, so
 * the periodic sweep matches every resource with waiting customers anyway ({@link Backfill#sweep}). The match it asks
 * for is {@link Backfill#matchFreed}: time freed on any member of a pool reaches the pooled types' waitlists too.
 */
public final class WaitlistTrigger implements BookingEvents, FreedTime {

  private final Consumer<String> matchSoon;

  /** @param matchSoon asked with a resource id; runs {@link Backfill#matchFreed} a moment later */
  public WaitlistTrigger(Consumer<String> matchSoon) {
    this.matchSoon = matchSoon;
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    Set<String> resources = new LinkedHashSet<>();
    for (BookingChange change : changes) {
      switch (change.kind()) {
        case CANCELLED, RESCHEDULED, EXPIRED -> {
          // Every resource the booking blocked: each member of an ALL pool, and an ANY booking's old member.
          resources.addAll(change.booking().resourceIds());
          if (change.previous() != null) {
            resources.addAll(change.previous().resourceIds());
          }
        }
        default -> { }
      }
    }
    resources.forEach(matchSoon);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> freed(String resourceId, List<TimeRange> spans) {
    matchSoon.accept(resourceId);
    return Future.succeededFuture();
  }
}
