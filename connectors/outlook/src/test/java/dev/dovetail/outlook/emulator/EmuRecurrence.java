package dev.dovetail.outlook.emulator;

import dev.dovetail.outlook.zone.WindowsZones;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expands a Graph {@code patternedRecurrence} (daily, weekly, absoluteMonthly; ranges endDate / noEnd / numbered in
 * either casing) into the local start times of its occurrences, in the series' zone, up to {@code until}.
 */
final class EmuRecurrence {

  static final int MAX_OCCURRENCES = 1000;

  private EmuRecurrence() {
  }

  /** Checks a recurrence the way Graph does: unknown pattern or range types are 400s. */
  static void validate(JsonObject recurrence) {
    JsonObject pattern = recurrence.getJsonObject("pattern");
    JsonObject range = recurrence.getJsonObject("range");
    if (pattern == null || range == null) {
      throw new EmuException(400, "invalidRequest", "recurrence needs pattern and range");
    }
    String type = pattern.getString("type", "");
    if (!List.of("daily", "weekly", "absoluteMonthly").contains(type)) {
      throw new EmuException(400, "invalidRequest", "unsupported recurrence pattern type: " + type);
    }
    if (type.equals("weekly") && pattern.getJsonArray("daysOfWeek", new JsonArray()).isEmpty()) {
      throw new EmuException(400, "invalidRequest", "weekly recurrence needs daysOfWeek");
    }
    String rangeType = range.getString("type", "").toLowerCase(Locale.ROOT);
    if (!List.of("enddate", "noend", "numbered").contains(rangeType)) {
      throw new EmuException(400, "invalidRequest", "unsupported recurrence range type: " + range.getString("type"));
    }
    LocalDate.parse(range.getString("startDate"));
    if (range.getString("recurrenceTimeZone") != null) {
      WindowsZones.toZoneId(range.getString("recurrenceTimeZone"))
          .orElseThrow(() -> new EmuException(400, "invalidRequest", "unknown time zone"));
    }
  }

  /** The zone the series is expanded in: the range's recurrenceTimeZone, else the master's start zone. */
  static ZoneId zone(JsonObject recurrence, ZoneId fallback) {
    String name = recurrence.getJsonObject("range").getString("recurrenceTimeZone");
    return name == null ? fallback : WindowsZones.require(name);
  }

  static List<LocalDateTime> starts(JsonObject recurrence, LocalDateTime masterStart, LocalDate until) {
    JsonObject pattern = recurrence.getJsonObject("pattern");
    JsonObject range = recurrence.getJsonObject("range");
    int interval = Math.max(1, pattern.getInteger("interval", 1));
    LocalDate first = LocalDate.parse(range.getString("startDate"));
    String rangeType = range.getString("type").toLowerCase(Locale.ROOT);
    LocalDate end = rangeType.equals("enddate") ? LocalDate.parse(range.getString("endDate")) : until;
    if (end.isAfter(until)) {
      end = until;
    }
    int max = rangeType.equals("numbered") ? range.getInteger("numberOfOccurrences", 1) : MAX_OCCURRENCES;
    List<LocalDateTime> out = new ArrayList<>();
    switch (pattern.getString("type")) {
      case "daily" -> {
        for (LocalDate d = first; !d.isAfter(end) && out.size() < max; d = d.plusDays(interval)) {
          out.add(d.atTime(masterStart.toLocalTime()));
        }
      }
      case "weekly" -> {
        List<DayOfWeek> days = new ArrayList<>();
        for (Object day : pattern.getJsonArray("daysOfWeek")) {
          days.add(DayOfWeek.valueOf(day.toString().toUpperCase(Locale.ROOT)));
        }
        DayOfWeek firstDay = DayOfWeek.valueOf(pattern.getString("firstDayOfWeek", "sunday").toUpperCase(Locale.ROOT));
        LocalDate weekStart = first.with(TemporalAdjusters.previousOrSame(firstDay));
        for (LocalDate d = first; !d.isAfter(end) && out.size() < max; d = d.plusDays(1)) {
          long weeks = ChronoUnit.WEEKS.between(weekStart, d.with(TemporalAdjusters.previousOrSame(firstDay)));
          if (weeks % interval == 0 && days.contains(d.getDayOfWeek())) {
            out.add(d.atTime(masterStart.toLocalTime()));
          }
        }
      }
      default -> {
        int dayOfMonth = pattern.getInteger("dayOfMonth", first.getDayOfMonth());
        for (LocalDate m = first.withDayOfMonth(1); !m.isAfter(end) && out.size() < max; m = m.plusMonths(interval)) {
          if (dayOfMonth <= m.lengthOfMonth()) {
            LocalDate d = m.withDayOfMonth(dayOfMonth);
            if (!d.isBefore(first) && !d.isAfter(end)) {
              out.add(d.atTime(masterStart.toLocalTime()));
            }
          }
        }
      }
    }
    return out;
  }
}
