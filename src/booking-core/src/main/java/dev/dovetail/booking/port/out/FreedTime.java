package dev.dovetail.booking.port.out;

import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where time that stopped being busy is announced, after the schedule write that freed it: a provider unblocked time
 * (CalDAV DELETE or an edited event), or an external calendar event disappeared. Freed booking time (cancellation,
 * reschedule, expired hold) is announced through {@link BookingEvents} instead. Best effort: a crash right after the
 * write loses the announcement, so listeners that must not miss one also reconcile on their own.
 */
public interface FreedTime {

  Future<Void> freed(String resourceId, List<TimeRange> spans);

  /** Announces to nobody. */
  static FreedTime none() {
    return (resourceId, spans) -> Future.succeededFuture();
  }

  /** Announces to each listener; a failing listener does not keep the others from hearing it. */
  static FreedTime all(List<FreedTime> listeners) {
    List<FreedTime> copy = List.copyOf(listeners);
    return (resourceId, spans) -> {
      Future<?> all = Future.join(copy.stream().map(l -> l.freed(resourceId, spans)).toList());
      return all.mapEmpty();
    };
  }
}
