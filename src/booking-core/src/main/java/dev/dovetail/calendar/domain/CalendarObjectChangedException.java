package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.ConflictException;

/**
 * A conditional write's condition failed against the freshest calendar: the object changed since the client read it
 * (its etag differs), or it exists although the client asked only to create, or it is gone. Nothing was written.
 */
public class CalendarObjectChangedException extends ConflictException {

  public CalendarObjectChangedException(String reason) {
    super(reason);
  }
}
