package dev.dovetail.sync.domain;

import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A booking that an external event landed on (the provider put a personal event over it). The event's time around
 * the booking still blocks; the booking stands and is flagged until the provider resolves it. {@code events} are the
 * external events (block keys) with their full spans.
 */
public record BookingConflict(
    String bookingId, String providerId, String resourceId, List<EventSpan> events, Instant detectedAt) {

  public record EventSpan(String eventKey, TimeRange span) {
    public EventSpan {
      Objects.requireNonNull(eventKey, "eventKey");
      Objects.requireNonNull(span, "span");
    }
  }

  public BookingConflict {
    Objects.requireNonNull(bookingId, "bookingId");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(resourceId, "resourceId");
    events = List.copyOf(events);
    Objects.requireNonNull(detectedAt, "detectedAt");
  }
}
