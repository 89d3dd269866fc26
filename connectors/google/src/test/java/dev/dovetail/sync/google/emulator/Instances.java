package dev.dovetail.sync.google.emulator;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;

/**
 * Expands a recurring master (RRULE and EXDATE lines of {@code recurrence}) into instances with ical4j, in the
 * master's {@code start.timeZone} (so a weekly 10:00 stays 10:00 across DST), bounded by a window and a count. Instance
 * ids are {@code <master>_<yyyyMMdd'T'HHmmss'Z'>} (all-day: {@code <master>_<yyyyMMdd>}), as Google's look.
 */
final class Instances {

  static final int MAX = 1000;
  private static final DateTimeFormatter UTC_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final DateTimeFormatter DATE_ID = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  /** One generated instance: its id, original start (as a Google EventDateTime) and start/end. */
  record Instance(String id, JsonObject originalStartTime, JsonObject start, JsonObject end) {}

  private Instances() {}

  static List<Instance> expand(StoredEvent master, Instant from, Instant to) {
    JsonObject start = master.body.getJsonObject("start");
    JsonObject end = master.body.getJsonObject("end");
    JsonArray lines = master.body.getJsonArray("recurrence", new JsonArray());
    List<Instance> out = new ArrayList<>();
    if (start.getString("date") != null) {
      LocalDate seed = LocalDate.parse(start.getString("date"));
      long days = java.time.temporal.ChronoUnit.DAYS.between(seed, LocalDate.parse(end.getString("date")));
      Set<LocalDate> dates = new TreeSet<>();
      for (Temporal t : dates(lines, seed, seed.minusDays(days + 1), LocalDate.ofInstant(to, ZoneOffset.UTC))) {
        dates.add((LocalDate) t);
      }
      dates.add(seed);
      dates.removeAll(exDates(lines));
      for (LocalDate d : dates) {
        if (out.size() >= MAX) {
          break;
        }
        JsonObject original = new JsonObject().put("date", d.toString());
        out.add(new Instance(master.id + "_" + DATE_ID.format(d), original, original.copy(),
            new JsonObject().put("date", d.plusDays(days).toString())));
      }
      return out;
    }
    ZoneId zone = ZoneId.of(start.getString("timeZone", "UTC"));
    ZonedDateTime seed = parse(start, zone);
    java.time.Duration length = java.time.Duration.between(seed, parse(end, zone));
    Set<ZonedDateTime> starts = new TreeSet<>();
    for (Temporal t : dates(lines, seed, from.atZone(zone).minus(length).minusSeconds(1), to.atZone(zone))) {
      starts.add(((ZonedDateTime) t).withZoneSameInstant(zone));
    }
    starts.add(seed);
    Set<Instant> excluded = exInstants(lines, zone);
    for (ZonedDateTime s : starts) {
      if (excluded.contains(s.toInstant()) || !s.toInstant().plus(length).isAfter(from) || !s.toInstant()
          .isBefore(to)) {
        continue;
      }
      if (out.size() >= MAX) {
        break;
      }
      JsonObject original = dateTime(s, zone);
      out.add(new Instance(master.id + "_" + UTC_ID.format(s.withZoneSameInstant(ZoneOffset.UTC)), original,
          original.copy(), dateTime(s.plus(length), zone)));
    }
    return out;
  }

  static JsonObject dateTime(ZonedDateTime t, ZoneId zone) {
    return new JsonObject()
        .put("dateTime", t.withZoneSameInstant(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .put("timeZone", zone.getId());
  }

  /** An EventDateTime's instant: {@code dateTime} with its offset, or local time in {@code timeZone}. */
  static ZonedDateTime parse(JsonObject dateTime, ZoneId zone) {
    String value = dateTime.getString("dateTime");
    ZoneId own = dateTime.getString("timeZone") == null ? zone : ZoneId.of(dateTime.getString("timeZone"));
    try {
      return OffsetDateTime.parse(value).atZoneSameInstant(own);
    } catch (RuntimeException noOffset) {
      return LocalDateTime.parse(value).atZone(own);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<Temporal> dates(JsonArray lines, Temporal seed, Temporal from, Temporal to) {
    List<Temporal> all = new ArrayList<>();
    for (Object line : lines) {
      String text = line.toString();
      if (text.startsWith("RRULE:")) {
        Recur recur = new Recur(text.substring("RRULE:".length()));
        all.addAll(recur.getDates(seed, from, to, MAX + 1));
      }
    }
    return all;
  }

  private static Set<LocalDate> exDates(JsonArray lines) {
    Set<LocalDate> out = new TreeSet<>();
    for (Object line : lines) {
      String text = line.toString();
      if (text.startsWith("EXDATE")) {
        for (String v : text.substring(text.indexOf(':') + 1).split(",")) {
          out.add(LocalDate.parse(v.substring(0, 8), DATE_ID));
        }
      }
    }
    return out;
  }

  private static Set<Instant> exInstants(JsonArray lines, ZoneId zone) {
    Set<Instant> out = new TreeSet<>();
    for (Object line : lines) {
      String text = line.toString();
      if (!text.startsWith("EXDATE")) {
        continue;
      }
      String params = text.substring(0, text.indexOf(':'));
      ZoneId exZone = params.contains("TZID=") ? ZoneId.of(params.substring(params.indexOf("TZID=") + 5)) : zone;
      for (String v : text.substring(text.indexOf(':') + 1).split(",")) {
        out.add(v.endsWith("Z")
            ? LocalDateTime.parse(v.substring(0, 15), LOCAL).toInstant(ZoneOffset.UTC)
            : LocalDateTime.parse(v, LOCAL).atZone(exZone).toInstant());
      }
    }
    return out;
  }
}
