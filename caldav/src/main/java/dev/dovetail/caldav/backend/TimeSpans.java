package dev.dovetail.caldav.backend;

import dev.dovetail.caldav.dav.DavException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * Time-range matching with a memo per object version: a non-recurring object's single instance is computed once
 * (keyed by etag and zone) and later queries compare two instants without touching ical4j; recurring objects are
 * expanded (bounded) on each query. Call from a worker thread.
 */
public final class TimeSpans {

  private static final int CACHE_SIZE = 20_000;
  private static final Occurrence RECURRING = new Occurrence(Instant.MIN, Instant.MIN);
  private static final Occurrence NONE = new Occurrence(Instant.MAX, Instant.MAX);
  private static final Occurrence TASK = new Occurrence(Instant.MIN, Instant.MAX);
  private static final Map<String, Occurrence> SINGLE = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Occurrence> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private TimeSpans() {}

  /**
   * Whether any instance of the object overlaps [from, to) (RFC 4791 9.9); a task by the table of its own
   * ({@link TodoTimes}), matched on every query.
   */
  public static boolean overlaps(String etag, String ics, ZoneId floating, Instant from, Instant to,
      Runnable checkpoint) {
    String key = etag + "|" + floating.getId();
    Occurrence single;
    synchronized (SINGLE) {
      single = SINGLE.get(key);
    }
    Calendar calendar = null;
    if (single == null) {
      calendar = IcsParser.parseStored(etag, ics);
      single = summarise(calendar, floating);
      synchronized (SINGLE) {
        SINGLE.put(key, single);
      }
    }
    if (single == NONE) {
      return false;
    }
    if (single == TASK) {
      return TodoTimes.overlaps(IcsParser.parseStored(etag, ics), floating, from, to, checkpoint);
    }
    if (single != RECURRING) {
      return single.overlaps(from, to);
    }
    if (calendar == null) {
      calendar = IcsParser.parseStored(etag, ics);
    }
    try {
      return !Occurrences.expand(calendar, from, to, floating, 1, checkpoint).isEmpty();
    } catch (DavException overBudget) {
      throw overBudget;
    } catch (RuntimeException unexpandable) {
      return false;
    }
  }

  private static Occurrence summarise(Calendar calendar, ZoneId floating) {
    if (!calendar.getComponents(Component.VTODO).isEmpty()) {
      return TASK;
    }
    List<Component> events = Occurrences.components(calendar);
    if (events.size() != 1) {
      return events.isEmpty() ? NONE : RECURRING;
    }
    Component e = events.get(0);
    if (e.getProperty(Property.RRULE).isPresent() || !e.getProperties(Property.RDATE).isEmpty()
        || e.getProperty(Property.RECURRENCE_ID).isPresent()) {
      return RECURRING;
    }
    List<Occurrence> all = Occurrences.expand(calendar, Instant.parse("0001-01-01T00:00:00Z"),
        Instant.parse("9999-12-31T00:00:00Z"), floating, 1);
    return all.isEmpty() ? NONE : all.get(0);
  }
}
