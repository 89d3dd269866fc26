package dev.dovetail.caldav.backend;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.RRule;

/**
 * Expands the events (or tasks, or journal entries: {@link #components}) of one calendar object into instances inside
 * a window, bounded: RRULE (through ical4j's
 * {@code Recur.getDates} with a maximum count), RDATE (date and date-time values), EXDATE, and RECURRENCE-ID
 * overrides (which replace the instance they name; a cancelled override removes it). Never more than {@code max}
 * instances. The window is clamped to [{@link RecurrenceLimits#MIN_DATE_TIME}, {@link RecurrenceLimits#MAX_DATE_TIME}];
 * ical4j starts a rule without COUNT at the window (it jumps there by doubling), a rule with COUNT at DTSTART, and
 * either walks at most {@link RecurrenceLimits#CANDIDATE_BUDGET} candidates' worth of periods, so one expansion costs
 * a bounded amount whatever the rule (even one stored before the limits). Floating times and dates are read in
 * {@code floating} (the resource's zone).
 */
public final class Occurrences {

  public static final int MAX_INSTANCES = 1000;
  /** How many instances a rule yields between two checkpoints. */
  static final int CHECKPOINT_EVERY = 50;

  private Occurrences() {}

  /**
   * An instance with the component that describes it (the master or an override: a VEVENT, VTODO or VJOURNAL) and its
   * RECURRENCE-ID (null for a non-recurring one).
   */
  public record Instance(Occurrence occurrence, Component component, Instant recurrenceId) {}

  public static List<Occurrence> expand(Calendar calendar, Instant from, Instant to, ZoneId floating, int max) {
    return instances(calendar, from, to, floating, max).stream().map(Instance::occurrence).toList();
  }

  /** Like {@link #expand}, running {@code checkpoint} as the walk goes (a request's deadline). */
  public static List<Occurrence> expand(Calendar calendar, Instant from, Instant to, ZoneId floating, int max,
      Runnable checkpoint) {
    return instances(calendar, from, to, floating, max, checkpoint).stream().map(Instance::occurrence).toList();
  }

  /** Like {@link #expand}, keeping for each instance its component (the master or an override). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static List<Instance> instances(Calendar calendar, Instant windowFrom, Instant windowTo, ZoneId floating,
      int max) {
    return instances(calendar, windowFrom, windowTo, floating, max, () -> { });
  }

  /**
   * Like {@link #instances(Calendar, Instant, Instant, ZoneId, int)}, running {@code checkpoint} every
   * {@link #CHECKPOINT_EVERY} instances the rule yields (a request's deadline), so a long walk can be stopped.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static List<Instance> instances(Calendar calendar, Instant windowFrom, Instant windowTo, ZoneId floating,
      int max, Runnable checkpoint) {
    Instant from = RecurrenceLimits.clamp(windowFrom);
    Instant to = RecurrenceLimits.clamp(windowTo);
    if (!from.isBefore(to)) {
      return List.of();
    }
    List<Component> events = components(calendar);
    Component master = null;
    Map<Instant, Component> overrides = new HashMap<>();
    for (Component e : events) {
      Optional<Property> rid = e.getProperty(Property.RECURRENCE_ID);
      if (rid.isPresent()) {
        overrides.put(instant(((DateProperty) rid.get()).getDate(), floating), e);
      } else if (master == null) {
        master = e;
      }
    }
    List<Instance> out = new ArrayList<>();
    boolean recurring = !overrides.isEmpty();
    if (master != null) {
      Temporal seed = (Temporal) master.getProperty(Property.DTSTART).map(p -> ((DateProperty) p).getDate())
          .orElseThrow(() -> new IllegalArgumentException("DTSTART is missing"));
      Instant first = instant(seed, floating);
      Duration length = Duration.between(first, end(master, seed, floating));
      recurring |= master.getProperty(Property.RRULE).isPresent() || !master.getProperties(Property.RDATE).isEmpty();
      Set<Instant> starts = new TreeSet<>();
      starts.add(first);
      Optional<Property> rrule = master.getProperty(Property.RRULE);
      if (rrule.isPresent()) {
        Recur recur = ((RRule) rrule.get()).getRecur();
        Instant walkFrom = from.minus(length).minusSeconds(1);
        Temporal windowStart = like(seed, walkFrom, floating);
        Temporal windowEnd = like(seed, walkEnd(recur, first, walkFrom, to), floating);
        int[] yielded = {0};
        // forEach, not iterator(): ical4j's spliterator may advance without yielding, which ends an iterator early
        recur.getDatesAsStream(seed, windowStart, windowEnd, max + 1).forEach(t -> {
          starts.add(instant((Temporal) t, floating));
          if (++yielded[0] % CHECKPOINT_EVERY == 0) {
            checkpoint.run();
          }
        });
      }
      for (Object p : master.getProperties(Property.RDATE)) {
        for (Object t : ((DateListProperty) p).getDates()) {
          Object value = t instanceof Period<?> period ? period.getStart() : t;
          starts.add(instant((Temporal) value, floating));
        }
      }
      for (Object p : master.getProperties(Property.EXDATE)) {
        for (Object t : ((DateListProperty) p).getDates()) {
          starts.remove(instant((Temporal) t, floating));
        }
      }
      for (Instant s : starts) {
        if (overrides.containsKey(s)) {
          continue;
        }
        Occurrence o = new Occurrence(s, s.plus(length));
        if (o.overlaps(from, to)) {
          out.add(new Instance(o, master, recurring ? s : null));
          if (out.size() >= max) {
            return out;
          }
        }
      }
    }
    for (Map.Entry<Instant, Component> entry : overrides.entrySet()) {
      Component override = entry.getValue();
      boolean cancelled = override.getProperty(Property.STATUS)
          .map(p -> "CANCELLED".equalsIgnoreCase(((Property) p).getValue())).orElse(false);
      Optional<Property> start = override.getProperty(Property.DTSTART);
      if (cancelled || start.isEmpty()) {
        continue;
      }
      Temporal s = ((DateProperty) start.get()).getDate();
      Occurrence o = new Occurrence(instant(s, floating), end(override, s, floating));
      if (o.overlaps(from, to) && out.size() < max) {
        out.add(new Instance(o, override, entry.getKey()));
      }
    }
    out.sort(Comparator.comparing(i -> i.occurrence().start()));
    return out;
  }

  /**
   * Where ical4j's walk stops: the window's end, or earlier, once the rule has had its budget of candidates. A rule
   * with COUNT is walked from DTSTART (its instances have to be counted), one without from the window's start.
   */
  private static Instant walkEnd(Recur<?> recur, Instant first, Instant walkFrom, Instant to) {
    Instant base = recur.getCount() > 0 || walkFrom.isBefore(first) ? first : walkFrom;
    long periods = Math.max(2, RecurrenceLimits.CANDIDATE_BUDGET / RecurrenceLimits.candidatesPerPeriod(recur));
    long seconds = RecurrenceLimits.periodLength(recur.getFrequency()).getSeconds();
    double span = (double) periods * Math.max(1, recur.getInterval()) * seconds;
    double room = RecurrenceLimits.MAX_DATE_TIME.getEpochSecond() - (double) base.getEpochSecond();
    if (span >= room) {
      return to;
    }
    Instant budgetEnd = base.plusSeconds((long) span);
    return budgetEnd.isBefore(to) ? budgetEnd : to;
  }

  /**
   * The components the object's instances come from: its events, else its tasks, else its journal entries (an object
   * holds one kind, RFC 4791 4.1).
   */
  @SuppressWarnings("unchecked")
  public static List<Component> components(Calendar calendar) {
    for (String kind : List.of(Component.VEVENT, Component.VTODO, Component.VJOURNAL)) {
      List<Component> found = List.copyOf((List<? extends Component>) calendar.getComponents(kind));
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** An instance's end: DTEND (events), else DUE (tasks), else DURATION, else a day for a date, else its start. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Instant end(Component event, Temporal start, ZoneId floating) {
    Optional<Property> dtend = event.getProperty(Property.DTEND);
    if (dtend.isEmpty()) {
      dtend = event.getProperty(Property.DUE);
    }
    if (dtend.isPresent()) {
      Instant end = instant(((DateProperty) dtend.get()).getDate(), floating);
      Instant begin = instant(start, floating);
      return end.isBefore(begin) ? begin : end;
    }
    Optional<Property> duration = event.getProperty(Property.DURATION);
    if (duration.isPresent()) {
      TemporalAmount amount = ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration(); // qualified: java.time.Duration is imported
      try {
        return instant(start.plus(amount), floating);
      } catch (RuntimeException unsupported) {
        return instant(start, floating).plus(Duration.ofDays(1));
      }
    }
    return start instanceof LocalDate ? instant(start, floating).plus(Duration.ofDays(1)) : instant(start, floating);
  }

  /** A UTC instant for any iCalendar date or date-time; floating values are read in {@code floating}. */
  public static Instant instant(Temporal t, ZoneId floating) {
    if (t instanceof Instant i) {
      return i;
    }
    if (t instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (t instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (t instanceof LocalDateTime l) {
      return l.atZone(floating).toInstant();
    }
    if (t instanceof LocalDate d) {
      return d.atStartOfDay(floating).toInstant();
    }
    return Instant.from(t);
  }

  /** The instant as a value of the same type (and zone) as {@code seed}, for ical4j's recurrence window. */
  private static Temporal like(Temporal seed, Instant instant, ZoneId floating) {
    if (seed instanceof ZonedDateTime z) {
      return instant.atZone(z.getZone());
    }
    if (seed instanceof OffsetDateTime o) {
      return instant.atOffset(o.getOffset());
    }
    if (seed instanceof LocalDateTime) {
      return LocalDateTime.ofInstant(instant, floating);
    }
    if (seed instanceof LocalDate) {
      return LocalDate.ofInstant(instant, floating);
    }
    return instant;
  }
}
