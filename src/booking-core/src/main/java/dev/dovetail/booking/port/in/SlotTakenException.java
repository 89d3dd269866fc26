package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.Slot;
import dev.dovetail.booking.domain.SlotUnavailableException;
import java.util.List;

/** The requested slot is not free; carries the nearest free slots so the customer can pick another. */
public class SlotTakenException extends SlotUnavailableException {

  private final List<Slot> alternatives;

  public SlotTakenException(SlotUnavailableException cause, List<Slot> alternatives) {
    super(cause.getMessage(), cause.requested());
    this.alternatives = List.copyOf(alternatives);
  }

  public List<Slot> alternatives() {
    return alternatives;
  }
}
