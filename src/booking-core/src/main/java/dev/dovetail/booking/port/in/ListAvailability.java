package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Slot;
import io.vertx.core.Future;
import java.util.List;

public interface ListAvailability {

  /**
   * The free slots plus each date's {@link DayState} (ADR 55). At most 62 days per query; the duration defaults to
   * the type's first.
   */
  Future<FreeTime> freeTime(SlotQuery query);

  /** The free slots alone; the same bounds as {@link #freeTime}. */
  default Future<List<Slot>> freeSlots(SlotQuery query) {
    return freeTime(query).map(FreeTime::slots);
  }
}
