package dev.dovetail.booking.port.out;

import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.util.List;

/**
 * Live busy time from the provider's external calendars (Google, Outlook) that block a resource, asked at booking time
 * before the resource lock is taken, so an external event that has not synced yet still blocks. Implementations answer
 * within a short timeout; when the calendar cannot be reached they either answer from the last synced data (nothing
 * beyond the schedule) or fail with a {@link dev.dovetail.booking.domain.SlotUnavailableException}, by the provider's
 * policy.
 */
public interface ExternalBusy {

  /** Busy periods of the calendars blocking {@code resourceId} that overlap {@code window}. */
  Future<List<TimeRange>> busy(String resourceId, TimeRange window);

  /** No external calendars: nothing is busy beyond the schedule. */
  static ExternalBusy none() {
    return (resourceId, window) -> Future.succeededFuture(List.of());
  }
}
