package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.Resource;
import java.util.Objects;

/**
 * A provider's resource with its calendar as readers see it: the objects written by clients and one read-only event
 * per live or confirmed booking. Only {@code ReadCalendar} hands these out, after checking the resource is the
 * provider's.
 */
public record ResourceCalendar(Resource resource, CalendarCollection collection) {

  public ResourceCalendar {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(collection, "collection");
  }
}
