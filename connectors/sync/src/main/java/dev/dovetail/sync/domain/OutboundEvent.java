package dev.dovetail.sync.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A booking as it is written into the provider's target calendar. {@code proposedId} is derived from the booking, so
 * a retried create is recognised (Google takes it as the event id; Graph as the transactionId).
 */
public record OutboundEvent(
    String bookingId, String proposedId, String summary, String description, TimeRange time, ZoneId zone) {

  public OutboundEvent {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(proposedId, "proposedId");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
  }
}
