package dev.dovetail.outlook.emulator;

import java.time.Instant;

/**
 * One entry of a calendar view: a single instance, an occurrence or an exception of a series. {@code version}
 * changes whenever anything the view shows about it changes.
 */
record EmuInstance(
    String id,
    EmuEvent event,
    String type,
    Instant start,
    Instant end,
    Instant originalStart,
    String subject,
    String showAs,
    String changeKey) {

  boolean overlaps(Instant from, Instant to) {
    return start.isBefore(to) && end.isAfter(from);
  }
}
