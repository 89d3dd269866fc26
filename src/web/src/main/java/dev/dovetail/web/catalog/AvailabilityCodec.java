package dev.dovetail.web.catalog;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Availability rules as JSON: {@code weeklyHours} by lower-case day name, {@code breaks}, {@code dateOverrides} by
 * local date (an empty list closes the day) and {@code holidays}, all wall-clock in the resource's zone. A day's
 * hours, the breaks and an override may also be sent as text ({@code "9-12, 13-17"}, {@link TimeCodec#windowsText}).
 */
public final class AvailabilityCodec {

  private AvailabilityCodec() {}

  public static AvailabilityRule closed() {
    return new AvailabilityRule(Map.of(), List.of(), Map.of(), Set.of());
  }

  public static AvailabilityRule fromJson(JsonObject json) {
    if (json == null) {
      return closed();
    }
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    JsonObject hours = json.getJsonObject("weeklyHours", new JsonObject());
    for (String day : hours.fieldNames()) {
      DayOfWeek dayOfWeek;
      try {
        dayOfWeek = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badRequest("weeklyHours: unknown day '" + day + "' (use monday ... sunday)");
      }
      weekly.put(dayOfWeek, TimeCodec.windows(hours.getValue(day), "weeklyHours." + day));
    }
    List<WallClockWindow> breaks = TimeCodec.windows(json.getValue("breaks"), "breaks");
    Map<LocalDate, List<WallClockWindow>> overrides = new TreeMap<>();
    JsonObject overrideJson = json.getJsonObject("dateOverrides", new JsonObject());
    for (String date : overrideJson.fieldNames()) {
      overrides.put(TimeCodec.date(date, "dateOverrides"),
          TimeCodec.windows(overrideJson.getValue(date), "dateOverrides." + date));
    }
    Set<LocalDate> holidays = new HashSet<>();
    JsonArray holidayJson = json.getJsonArray("holidays", new JsonArray());
    for (int i = 0; i < holidayJson.size(); i++) {
      holidays.add(TimeCodec.date(String.valueOf(holidayJson.getValue(i)), "holidays[" + i + "]"));
    }
    try {
      return new AvailabilityRule(weekly, breaks, overrides, holidays);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("availability: " + e.getMessage());
    }
  }

  public static JsonObject toJson(AvailabilityRule rule) {
    JsonObject weekly = new JsonObject();
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WallClockWindow> windows = rule.weeklyHours().get(day);
      if (windows != null) {
        weekly.put(day.name().toLowerCase(Locale.ROOT), TimeCodec.windowsJson(windows));
      }
    }
    JsonObject overrides = new JsonObject();
    rule.dateOverrides().forEach((date, windows) -> overrides.put(date.toString(), TimeCodec.windowsJson(windows)));
    JsonArray holidays = new JsonArray();
    rule.holidays().forEach(date -> holidays.add(date.toString()));
    return new JsonObject()
        .put("weeklyHours", weekly)
        .put("breaks", TimeCodec.windowsJson(rule.breaks()))
        .put("dateOverrides", overrides)
        .put("holidays", holidays);
  }
}
