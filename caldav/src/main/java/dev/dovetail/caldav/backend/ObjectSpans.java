package dev.dovetail.caldav.backend;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;

/**
 * The instances of one calendar object version, expanded once: every instance that overlaps the time before
 * {@code exactUntil} is in {@code spans}, so a time-range ending at or before {@code exactUntil} is answered from the
 * spans alone. Non-recurring objects and finite series are exact forever; a never-ending series is exact up to
 * {@link #HORIZON} after it was expanded; a series with more than {@link #LIMIT} instances there is not expanded at
 * all ({@code exactUntil} = {@link Instant#MIN}) and is matched per query. Kept per etag and zone (the content fixes
 * the answer). Call from a worker thread.
 */
public record ObjectSpans(List<Occurrence> spans, Instant exactUntil, boolean recurring) {

  static final Instant OPEN_START = Instant.parse("1900-01-01T00:00:00Z");
  static final Instant OPEN_END = Instant.parse("2200-01-01T00:00:00Z");
  /** How far past the expansion a never-ending series is indexed. */
  static final Duration HORIZON = Duration.ofDays(3 * 366);
  /** Instances indexed per object at most. */
  static final int LIMIT = 2_000;
  private static final ObjectSpans UNREADABLE = new ObjectSpans(List.of(), OPEN_END, false);
  private static final int CACHE_SIZE = 50_000;
  private static final Map<String, ObjectSpans> CACHE = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ObjectSpans> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  /** The spans of a stored object version; an unreadable object has none (it matches no time-range). */
  public static ObjectSpans of(String etag, String ics, ZoneId floating, Instant now) {
    String key = etag + "|" + floating.getId();
    synchronized (CACHE) {
      ObjectSpans hit = CACHE.get(key);
      if (hit != null) {
        return hit;
      }
    }
    ObjectSpans computed;
    try {
      computed = expand(IcsParser.parseStored(etag, ics), floating, now);
    } catch (RuntimeException unreadable) {
      computed = UNREADABLE;
    }
    synchronized (CACHE) {
      CACHE.put(key, computed);
    }
    return computed;
  }

  /** Whether every instance overlapping [from, to) is in {@link #spans}. */
  public boolean exactFor(Instant to) {
    return !to.isAfter(exactUntil);
  }

  private static ObjectSpans expand(Calendar calendar, ZoneId floating, Instant now) {
    if (!calendar.getComponents(Component.VTODO).isEmpty()) {
      return new ObjectSpans(List.of(), Instant.MIN, false); // a task's rule is not an instance's: matched per query
    }
    boolean recurring = isRecurring(calendar);
    if (!recurring) {
      List<Occurrence> one = Occurrences.expand(calendar, OPEN_START, OPEN_END, floating, 1);
      return new ObjectSpans(one, OPEN_END, false);
    }
    List<Occurrence> all = Occurrences.expand(calendar, OPEN_START, OPEN_END, floating, LIMIT);
    if (all.size() < LIMIT) {
      return new ObjectSpans(all, OPEN_END, true);
    }
    Instant horizon = now.plus(HORIZON);
    List<Occurrence> ahead = Occurrences.expand(calendar, OPEN_START, horizon, floating, LIMIT);
    if (ahead.size() < LIMIT) {
      return new ObjectSpans(ahead, horizon, true);
    }
    return new ObjectSpans(List.of(), Instant.MIN, true);
  }

  @SuppressWarnings("unchecked")
  private static boolean isRecurring(Calendar calendar) {
    List<Component> events = Occurrences.components(calendar);
    if (events.size() != 1) {
      return true;
    }
    Component e = events.get(0);
    return e.getProperty(Property.RRULE).isPresent() || !e.getProperties(Property.RDATE).isEmpty()
        || e.getProperty(Property.RECURRENCE_ID).isPresent();
  }
}
