package dev.dovetail.sync.testkit;

import dev.dovetail.kernel.TimeRange;
import java.util.Map;

/** A test's hands on an external calendar service, acting "as the provider" outside the hub. */
public interface ExternalSide {

  /** Creates an opaque (busy) timed event; returns its id. */
  String create(String calendarId, TimeRange time, boolean busy);

  void move(String calendarId, String eventId, TimeRange time);

  void delete(String calendarId, String eventId);

  /** Live events: id → time (timed, non-recurring events only). */
  Map<String, TimeRange> events(String calendarId);

  /** Makes every sync token issued so far expire. */
  void invalidateTokens(String calendarId);
}
