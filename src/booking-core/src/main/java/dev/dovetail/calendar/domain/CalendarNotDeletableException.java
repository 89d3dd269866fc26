package dev.dovetail.calendar.domain;

import dev.dovetail.kernel.ConflictException;

/** A whole calendar cannot be deleted as a calendar: nothing was changed. */
public class CalendarNotDeletableException extends ConflictException {

  /** Why not. */
  public enum Why {
    /** The calendar is a bookable resource: it is managed (and deleted) as a resource. */
    BOOKABLE_RESOURCE,
    /** Bookings or holds still live in it; they are cancelled first. */
    HAS_BOOKINGS
  }

  private final Why why;

  public CalendarNotDeletableException(Why why) {
    super(why == Why.BOOKABLE_RESOURCE
        ? "this calendar is a bookable resource; delete it in the Dovetail dashboard"
        : "this calendar still has bookings or holds; cancel them first");
    this.why = why;
  }

  public Why why() {
    return why;
  }
}
