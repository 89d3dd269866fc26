package dev.dovetail.calendar.port.in;

import io.vertx.core.Future;

/**
 * Reads from a provider's resource calendar. Ownership (the resource is the provider's) is decided here: another
 * provider's calendar, or one that does not exist, fails with {@code NotFoundException}, as a missing value does.
 * Only the calendar's dead properties are read through this port so far; the object, time-range and change reads are
 * still the CalDAV adapter's ({@code InAdapterBoundaryTest} names them, ADR 34).
 */
public interface ReadCalendar {

  /** One dead property of the provider's calendar (e.g. the webcal feed token); NotFoundException if unset. */
  Future<String> property(String providerId, String resourceId, String name);
}
