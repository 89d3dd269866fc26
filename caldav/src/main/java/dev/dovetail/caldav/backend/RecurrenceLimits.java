package dev.dovetail.caldav.backend;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.Ns;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * The bounds every calendar object and every recurrence expansion stays within, so that what one tenant writes
 * cannot make a query, a free-busy answer or the busy-time refresh expensive ([ADR 23]; the numbers are in
 * docs/caldav-compliance.md, "Limits"). {@link #check} refuses an object on PUT with 403 and the RFC 4791
 * precondition that names the limit; {@link #candidatesPerPeriod} sizes the span {@link Occurrences} lets ical4j
 * walk, which bounds even objects stored before these limits existed.
 */
public final class RecurrenceLimits {

  /** CALDAV:min-date-time: no date of an object lies earlier; time ranges are clamped to it. */
  public static final Instant MIN_DATE_TIME = Instant.parse("1900-01-01T00:00:00Z");
  /** CALDAV:max-date-time: no date of an object lies later; time ranges are clamped to it. */
  public static final Instant MAX_DATE_TIME = Instant.parse("2200-01-01T00:00:00Z");
  /** CALDAV:max-instances: the largest COUNT, and the most RDATE plus EXDATE values, of one object. */
  public static final int MAX_INSTANCES = 5_000;
  /** The most values in one BYxxx list of a rule. */
  public static final int MAX_BY_VALUES = 60;
  /** The most instances a rule may produce in one day (no more often than hourly on average). */
  public static final int MAX_PER_DAY = 24;
  /** The largest INTERVAL. */
  public static final int MAX_INTERVAL = 1_000;
  /** The most components (VEVENT overrides, VTIMEZONEs) in one object. */
  public static final int MAX_COMPONENTS = 1_000;
  /** The most STANDARD/DAYLIGHT observances in the time zones of one object. */
  public static final int MAX_OBSERVANCES = 1_000;
  /** Candidate instants ical4j may generate for one rule in one expansion (sizes the span it walks). */
  public static final long CANDIDATE_BUDGET = 10_000;

  private RecurrenceLimits() {}

  /**
   * Refuses an object that breaks a limit: 403 with {@code min-date-time}, {@code max-date-time},
   * {@code max-instances} or {@code valid-calendar-data}.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static void check(Calendar calendar, ZoneId floating) {
    List<CalendarComponent> components = calendar.getComponents();
    if (components.size() > MAX_COMPONENTS) {
      throw invalid("an object may hold at most " + MAX_COMPONENTS + " components");
    }
    int dates = 0;
    for (CalendarComponent c : components) {
      if (Component.VTIMEZONE.equals(c.getName())) {
        continue;
      }
      for (String name : List.of(Property.DTSTART, Property.DTEND, Property.DUE, Property.RECURRENCE_ID,
          Property.COMPLETED, Property.CREATED)) {
        Optional<Property> p = c.getProperty(name);
        if (p.isPresent()) {
          inBounds(() -> ((DateProperty) p.get()).getDate(), floating, name);
        }
      }
      for (String name : List.of(Property.RDATE, Property.EXDATE)) {
        for (Object p : c.getProperties(name)) {
          for (Object t : unreadableAs400(() -> ((DateListProperty) p).getDates(), name)) {
            if (t instanceof Temporal temporal) {
              inBounds(() -> temporal, floating, name);
            }
            dates++;
          }
        }
      }
      for (Object p : c.getProperties(Property.RRULE)) {
        checkRule(((RRule) p).getRecur());
      }
    }
    if (dates > MAX_INSTANCES) {
      throw DavException.forbidden(Ns.caldav("max-instances"),
          "an object may list at most " + MAX_INSTANCES + " RDATE and EXDATE values");
    }
  }

  /**
   * Refuses, before ical4j reads them, time zone definitions that would make every date conversion expensive:
   * observance rules other than FREQ=YEARLY (ical4j walks an observance's rule from its DTSTART to each date it
   * converts), more than {@link #MAX_OBSERVANCES} observances or more than {@link #MAX_INSTANCES} observance RDATE
   * values. Reads the raw text (unfolded), so it costs one pass over the body.
   */
  public static void checkTimezones(String ics) {
    String unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\n ", "").replace("\n\t", "");
    boolean inZone = false;
    int observances = 0;
    int dates = 0;
    for (String raw : unfolded.split("\r?\n")) {
      String line = raw.strip().toUpperCase(Locale.ROOT);
      if (line.startsWith("BEGIN:VTIMEZONE")) {
        inZone = true;
      } else if (line.startsWith("END:VTIMEZONE")) {
        inZone = false;
      } else if (inZone && (line.startsWith("BEGIN:STANDARD") || line.startsWith("BEGIN:DAYLIGHT"))) {
        observances++;
      } else if (inZone && line.startsWith("RRULE") && !line.contains("FREQ=YEARLY")) {
        throw invalid("time zone observances must recur FREQ=YEARLY");
      } else if (inZone && line.startsWith("RDATE")) {
        dates += line.split(",", -1).length;
      }
    }
    if (observances > MAX_OBSERVANCES || dates > MAX_INSTANCES) {
      throw invalid("time zone definitions may hold at most " + MAX_OBSERVANCES + " observances and "
          + MAX_INSTANCES + " RDATE values");
    }
  }

  /** Refuses a rule over a limit (see the constants). */
  public static void checkRule(Recur<?> recur) {
    Frequency f = recur.getFrequency();
    if (f == Frequency.SECONDLY || f == Frequency.MINUTELY) {
      throw invalid("recurrence rules more frequent than HOURLY are not supported");
    }
    if (recur.getCount() > MAX_INSTANCES) {
      throw DavException.forbidden(Ns.caldav("max-instances"),
          "COUNT may be at most " + MAX_INSTANCES + " (a rule without COUNT or UNTIL never ends and is fine)");
    }
    if (recur.getInterval() > MAX_INTERVAL) {
      throw invalid("INTERVAL may be at most " + MAX_INTERVAL);
    }
    for (List<?> by : List.of(recur.getSecondList(), recur.getMinuteList(), recur.getHourList(), recur.getDayList(),
        recur.getMonthDayList(), recur.getYearDayList(), recur.getWeekNoList(), recur.getMonthList(),
        recur.getSetPosList())) {
      if (by.size() > MAX_BY_VALUES) {
        throw invalid("a BYxxx list may hold at most " + MAX_BY_VALUES + " values");
      }
    }
    if (perDay(recur) > MAX_PER_DAY) {
      throw invalid("the rule recurs more than " + MAX_PER_DAY + " times a day (more often than hourly)");
    }
  }

  /** At most how many instances the rule yields in one day. */
  static long perDay(Recur<?> r) {
    long minutesAndSeconds = atLeastOne(r.getMinuteList()) * atLeastOne(r.getSecondList());
    if (r.getFrequency() == Frequency.HOURLY) {
      long hours = (24 + Math.max(1, r.getInterval()) - 1) / Math.max(1, r.getInterval());
      if (!r.getHourList().isEmpty()) {
        hours = Math.min(hours, r.getHourList().size());
      }
      return hours * minutesAndSeconds;
    }
    return atLeastOne(r.getHourList()) * minutesAndSeconds;
  }

  /** An upper estimate of the candidates ical4j generates in one period of the rule (one hour, day, week…). */
  public static long candidatesPerPeriod(Recur<?> r) {
    long time = atLeastOne(r.getMinuteList()) * atLeastOne(r.getSecondList());
    Frequency f = r.getFrequency();
    if (f == Frequency.SECONDLY || f == Frequency.MINUTELY || f == Frequency.HOURLY) {
      return time;
    }
    time *= atLeastOne(r.getHourList());
    long monthDays = Math.max(1, r.getMonthDayList().size() + 5L * r.getDayList().size());
    long days = switch (f) {
      case DAILY -> 1;
      case WEEKLY -> Math.min(7, atLeastOne(r.getDayList()));
      case MONTHLY -> Math.min(31, monthDays);
      default -> Math.min(366, r.getYearDayList().size() + 7L * r.getWeekNoList().size()
          + (r.getMonthList().isEmpty() ? 12 : r.getMonthList().size()) * monthDays);
    };
    return time * days;
  }

  /** An upper bound of one period's length, for sizing a walk. */
  public static Duration periodLength(Frequency f) {
    return switch (f) {
      case SECONDLY -> Duration.ofSeconds(1);
      case MINUTELY -> Duration.ofMinutes(1);
      case HOURLY -> Duration.ofHours(1);
      case DAILY -> Duration.ofDays(1);
      case WEEKLY -> Duration.ofDays(7);
      case MONTHLY -> Duration.ofDays(31);
      default -> Duration.ofDays(366);
    };
  }

  /** {@code instant} moved into [{@link #MIN_DATE_TIME}, {@link #MAX_DATE_TIME}]. */
  public static Instant clamp(Instant instant) {
    if (instant.isBefore(MIN_DATE_TIME)) {
      return MIN_DATE_TIME;
    }
    return instant.isAfter(MAX_DATE_TIME) ? MAX_DATE_TIME : instant;
  }

  private static long atLeastOne(List<?> list) {
    return Math.max(1, list.size());
  }

  /** A value ical4j cannot read (unknown TZID, bad syntax) is 400, like any unreadable body. */
  private static <T> T unreadableAs400(Supplier<T> read, String name) {
    try {
      return read.get();
    } catch (RuntimeException unreadable) {
      throw new DavException(400, Ns.caldav("valid-calendar-data"), name + " cannot be read: "
          + unreadable.getMessage());
    }
  }

  private static void inBounds(Supplier<Temporal> value, ZoneId floating, String name) {
    Instant i = unreadableAs400(() -> Occurrences.instant(value.get(), floating), name);
    if (i.isBefore(MIN_DATE_TIME)) {
      throw DavException.forbidden(Ns.caldav("min-date-time"), name + " lies before " + MIN_DATE_TIME);
    }
    if (i.isAfter(MAX_DATE_TIME)) {
      throw DavException.forbidden(Ns.caldav("max-date-time"), name + " lies after " + MAX_DATE_TIME);
    }
  }

  private static DavException invalid(String reason) {
    return DavException.forbidden(Ns.caldav("valid-calendar-data"), reason);
  }
}
