package dev.dovetail.caldav.report;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.Ns;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.w3c.dom.Element;

/** CALDAV:time-range attributes (RFC 4791 9.9): UTC date-times; a missing bound is open. */
final class TimeRanges {

  static final Instant OPEN_START = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant OPEN_END = Instant.parse("2200-01-01T00:00:00Z");
  static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  record Range(Instant start, Instant end) {}

  private TimeRanges() {}

  static Range parse(Element timeRange) {
    Instant start = attr(timeRange, "start", OPEN_START);
    Instant end = attr(timeRange, "end", OPEN_END);
    if (!start.isBefore(end)) {
      throw new DavException(400, Ns.caldav("valid-filter"), "time-range end must be after its start");
    }
    return new Range(start, end);
  }

  private static Instant attr(Element e, String name, Instant fallback) {
    String v = e.getAttribute(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return Instant.from(UTC.parse(v.strip()));
    } catch (DateTimeParseException ex) {
      throw new DavException(400, Ns.caldav("valid-filter"), "time-range " + name + " must be a UTC date-time");
    }
  }
}
