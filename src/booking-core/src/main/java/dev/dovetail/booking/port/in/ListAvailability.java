package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Slot;
import io.vertx.core.Future;
import java.util.List;

public interface ListAvailability {

  /** At most 62 days per query; the duration defaults to the type's first. */
  Future<List<Slot>> freeSlots(SlotQuery query);
}
