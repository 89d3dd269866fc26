package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.util.List;

/** The requested time is not free: it overlaps a booking, a live hold or busy time, or breaks a scheduling rule. */
public class SlotUnavailableException extends RuntimeException {

  private final List<TimeRange> requested;

  public SlotUnavailableException(String reason, List<TimeRange> requested) {
    super(reason);
    this.requested = List.copyOf(requested);
  }

  public List<TimeRange> requested() {
    return requested;
  }
}
