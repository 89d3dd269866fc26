package dev.dovetail.sync.port.out;

import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.Grant;
import io.vertx.core.Future;
import java.util.List;

/**
 * A {@link CalendarConnector} whose service answers a live free/busy question at booking time. Without it, a booking
 * is checked against the last synced busy times only.
 */
public interface FreeBusySupport {

  /** Busy periods of the calendars within {@code window} (live free/busy), merged, clipped to the window. */
  Future<List<TimeRange>> busy(Grant grant, List<String> calendarIds, TimeRange window);
}
