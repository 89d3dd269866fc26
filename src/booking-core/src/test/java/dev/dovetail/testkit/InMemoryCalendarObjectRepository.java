package dev.dovetail.testkit;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Reference adapter: compare-and-set on the revision, exactly like the MongoDB one. */
public class InMemoryCalendarObjectRepository implements CalendarObjectRepository {

  private final Map<String, CalendarCollection> calendars = new ConcurrentHashMap<>();

  @Override
  public Future<CalendarCollection> load(String resourceId) {
    return Future.succeededFuture(calendars.getOrDefault(resourceId, CalendarCollection.empty(resourceId)));
  }

  @Override
  public Future<List<String>> mostWritten(int limit) {
    return Future.succeededFuture(calendars.values().stream()
        .sorted(Comparator.comparingLong(CalendarCollection::revision).reversed())
        .limit(limit).map(CalendarCollection::resourceId).toList());
  }

  /** Looks at every calendar (the reference adapter keeps no count). */
  @Override
  public Future<List<String>> withRecurringTime() {
    return Future.succeededFuture(calendars.values().stream()
        .filter(c -> c.objects().stream().anyMatch(CalendarObject::recurring)
            || c.properties().containsKey(RefreshBusyTime.CLASHES))
        .map(CalendarCollection::resourceId).toList());
  }

  @Override
  public Future<CalendarCollection> update(String resourceId, UnaryOperator<CalendarCollection> change) {
    try {
      while (true) {
        CalendarCollection current = calendars.getOrDefault(resourceId, CalendarCollection.empty(resourceId));
        CalendarCollection stored = change.apply(current).atRevision(current.revision() + 1);
        boolean written = current.revision() == 0
            ? calendars.putIfAbsent(resourceId, stored) == null
            : calendars.replace(resourceId, current, stored);
        if (written) {
          return Future.succeededFuture(stored);
        }
      }
    } catch (RuntimeException refused) {
      return Future.failedFuture(refused);
    }
  }

  @Override
  public Future<Void> delete(String resourceId) {
    calendars.remove(resourceId);
    return Future.succeededFuture();
  }
}
