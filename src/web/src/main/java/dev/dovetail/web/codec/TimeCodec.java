package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times on the wire: UTC instants, IANA zones, local dates, and wall-clock windows ({@code 24:00} = end of day). */
public final class TimeCodec {

  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

  private static final int MAX_HOURS_TEXT = 200;
  private static final int MINUTES_A_DAY = 24 * 60;
  private static final Pattern HOURS_TIME =
      Pattern.compile("([01]?\\d|2[0-4])(?:[:.h]([0-5]\\d))?");

  private TimeCodec() {}

  public static ZoneId zone(String id, String field) {
    if (id == null) {
      throw ApiProblem.badRequest("'" + field + "' is required");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw ApiProblem.unknownTimeZone(field, id);
    }
  }

  /**
   * An ISO-8601 instant ({@code Z} or an offset). Refuses times before 2000 or from 2200: no booking can be there,
   * and far-off years only make the date arithmetic overflow. The bounds are fixed, not taken from "now": whether a
   * time is bookable (notice, horizon) is the core's decision, on the hub's clock.
   */
  public static Instant instant(String text, String field) {
    if (text == null) {
      throw ApiProblem.badRequest("'" + field + "' is required");
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest("'" + field + "' must be an ISO-8601 date-time with an offset, such as "
          + "2026-05-04T07:00:00Z: " + text);
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
      throw ApiProblem.badRequest("'" + field + "' is out of range (" + EARLIEST + " to " + LATEST + "): " + text);
    }
    return instant;
  }

  public static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiProblem.badRequest("'" + field + "' must be a date such as 2026-05-04: " + text);
    }
  }

  public static LocalTime wallTime(String text, String field) {
    if ("24:00".equals(text)) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiProblem.badRequest("'" + field + "' must be a wall-clock time such as 09:30: " + text);
    }
  }

  public static WallClockWindow window(JsonObject json, String field) {
    if (json == null) {
      throw ApiProblem.badRequest("'" + field + "' must be an object {start, end}");
    }
    LocalTime start = wallTime(json.getString("start"), field + ".start");
    LocalTime end = wallTime(json.getString("end"), field + ".end");
    if (start.equals(LocalTime.MIDNIGHT) && "24:00".equals(json.getString("start"))) {
      throw ApiProblem.badRequest("'" + field + ".start' cannot be 24:00");
    }
    try {
      return new WallClockWindow(start, end);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(field + ": " + e.getMessage());
    }
  }

  /**
   * A day's hours as a list of windows, or as text in the form the dashboard's hours field reads (hours-text.js):
   * {@code 9-17}, {@code 09:00–17:00} (en or em dash), {@code 9:30-12, 13-17}; empty text is closed.
   */
  public static List<WallClockWindow> windows(Object value, String field) {
    if (value instanceof String text) {
      return windowsText(text, field);
    }
    return windows(value instanceof JsonArray array ? array : null, field);
  }

  /** Hours typed as text: ranges by comma or semicolon, {@code H[:MM]} times, {@code 24} ends at midnight. */
  public static List<WallClockWindow> windowsText(String text, String field) {
    if (text.length() > MAX_HOURS_TEXT) {
      throw ApiProblem.badRequest("'" + field + "' is at most " + MAX_HOURS_TEXT + " characters");
    }
    List<WallClockWindow> windows = new ArrayList<>();
    for (String part : text.split("[,;]")) {
      String range = part.strip();
      if (range.isEmpty()) {
        continue;
      }
      String[] ends = range.split("\\s*[-\u2013\u2014]\\s*", -1);
      int start = ends.length == 2 ? textMinute(ends[0]) : -1;
      int end = ends.length == 2 ? textMinute(ends[1]) : -1;
      if (start < 0 || end < 0 || start == MINUTES_A_DAY) {
        throw ApiProblem.badRequest("'" + field + "': \"" + range + "\" is not a time range like 9-17 or 09:00-17:30");
      }
      if (end <= start) {
        throw ApiProblem.badRequest("'" + field + "': in \"" + range + "\" the end must be after the start");
      }
      windows.add(new WallClockWindow(LocalTime.of(start / 60, start % 60),
          end == MINUTES_A_DAY ? LocalTime.MIDNIGHT : LocalTime.of(end / 60, end % 60)));
    }
    return windows;
  }

  private static int textMinute(String text) {
    Matcher m = HOURS_TIME.matcher(text.strip());
    if (!m.matches()) {
      return -1;
    }
    int minute = Integer.parseInt(m.group(1)) * 60 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    return minute > MINUTES_A_DAY ? -1 : minute;
  }

  public static List<WallClockWindow> windows(JsonArray array, String field) {
    List<WallClockWindow> windows = new ArrayList<>();
    if (array == null) {
      return windows;
    }
    for (int i = 0; i < array.size(); i++) {
      Object item = array.getValue(i);
      windows.add(window(item instanceof JsonObject o ? o : null, field + "[" + i + "]"));
    }
    return windows;
  }

  public static JsonObject windowJson(WallClockWindow window) {
    return new JsonObject()
        .put("start", window.start().toString())
        .put("end", window.endMinute() == 24 * 60 ? "24:00" : window.end().toString());
  }

  public static JsonArray windowsJson(List<WallClockWindow> windows) {
    JsonArray array = new JsonArray();
    windows.forEach(w -> array.add(windowJson(w)));
    return array;
  }

  public static String instantText(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
