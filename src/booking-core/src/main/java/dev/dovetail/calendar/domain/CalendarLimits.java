package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.InvalidRequestException;
import java.util.List;

/**
 * What one calendar write may hold, decided here for every adapter: object names of 1 to 255 characters, not
 * starting with a dot; a UID of at most 1,000 characters; at most {@link #MAX_BUSY_INSTANCES} busy instances (the
 * parser's recurrence limits keep an RRULE from reaching more). The grammar of iCalendar (RRULE sizes, dates, time
 * zones) is checked where it is parsed, at the adapter's edge, because the core does not parse iCalendar.
 */
public final class CalendarLimits {

  public static final int MAX_NAME_LENGTH = 255;
  public static final int MAX_UID_LENGTH = 1_000;
  public static final int MAX_BUSY_INSTANCES = 1_000;

  private CalendarLimits() {}

  public static void requireName(String name) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.startsWith(".")
        || name.contains("/")) {
      throw new InvalidRequestException("object names are 1 to " + MAX_NAME_LENGTH
          + " characters, without a slash, and do not start with a dot");
    }
  }

  public static void requireUid(String uid) {
    if (uid == null || uid.isBlank() || uid.length() > MAX_UID_LENGTH) {
      throw new InvalidRequestException("a UID is 1 to " + MAX_UID_LENGTH + " characters");
    }
  }

  public static void requireBusy(List<?> busy) {
    if (busy.size() > MAX_BUSY_INSTANCES) {
      throw new InvalidRequestException("an object may block at most " + MAX_BUSY_INSTANCES + " instances");
    }
  }
}
