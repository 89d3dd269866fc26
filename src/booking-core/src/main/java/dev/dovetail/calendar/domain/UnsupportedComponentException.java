package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.InvalidRequestException;

/**
 * A calendar object of a kind its calendar does not hold (a task in an event calendar), or a calendar asked to hold
 * a kind this hub cannot store ({@link CalendarComponents}). Nothing was written.
 */
public class UnsupportedComponentException extends InvalidRequestException {

  public UnsupportedComponentException(String reason) {
    super(reason);
  }
}
