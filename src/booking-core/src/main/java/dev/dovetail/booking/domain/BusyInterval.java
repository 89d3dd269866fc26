package dev.dovetail.booking.domain;

import dev.dovetail.kernel.TimeRange;
import java.util.Objects;

/**
 * Opaque busy time on a resource that is not a booking: an event written over CalDAV or synced from the provider's
 * external calendar. {@code source} names where it came from ({@code caldav}, {@code google:<calendar>}, ...).
 */
public record BusyInterval(String id, String resourceId, TimeRange time, String source) {

  public BusyInterval {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(source, "source");
  }
}
