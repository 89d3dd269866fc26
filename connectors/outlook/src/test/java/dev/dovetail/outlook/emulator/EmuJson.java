package dev.dovetail.outlook.emulator;

import dev.dovetail.outlook.zone.WindowsZones;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Graph's JSON shapes: {@code dateTimeTimeZone} with seven fractional digits and no offset; events. */
final class EmuJson {

  static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

  private EmuJson() {
  }

  /** An output zone: the Windows (or UTC) name Graph prints, and the zone it converts with. */
  record OutZone(String name, ZoneId zone) {

    static final OutZone UTC = new OutZone("UTC", java.time.ZoneOffset.UTC);

    static OutZone of(String preferName) {
      if (preferName == null) {
        return UTC;
      }
      ZoneId zone = WindowsZones.toZoneId(preferName)
          .orElseThrow(() -> new EmuException(400, "invalidRequest", "unknown outlook.timezone: " + preferName));
      return new OutZone(preferName, zone);
    }
  }

  static JsonObject dateTime(Instant at, OutZone out) {
    return new JsonObject()
        .put("dateTime", GRAPH_LOCAL.format(LocalDateTime.ofInstant(at, out.zone())))
        .put("timeZone", out.name());
  }

  /** A floating wall-clock value (all-day events keep their midnight in whatever zone is asked for). */
  static JsonObject floating(LocalDateTime local, OutZone out) {
    return new JsonObject().put("dateTime", GRAPH_LOCAL.format(local)).put("timeZone", out.name());
  }

  /** Reads a {@code dateTimeTimeZone}: the local value and the zone it names (Windows or IANA); 400 if unknown. */
  static LocalDateTime local(JsonObject dateTimeTimeZone) {
    if (dateTimeTimeZone == null || dateTimeTimeZone.getString("dateTime") == null) {
      throw new EmuException(400, "invalidRequest", "start and end need dateTime and timeZone");
    }
    String text = dateTimeTimeZone.getString("dateTime");
    try {
      return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
    } catch (DateTimeParseException e) {
      throw new EmuException(400, "invalidRequest", "bad dateTime: " + text);
    }
  }

  static String zoneName(JsonObject dateTimeTimeZone) {
    String name = dateTimeTimeZone.getString("timeZone", "UTC");
    if (WindowsZones.toZoneId(name).isEmpty()) {
      throw new EmuException(400, "TimeZoneNotSupportedException", "A valid TimeZone value must be specified: " + name);
    }
    return name;
  }

  static String instant(Instant at) {
    return at.toString();
  }
}
