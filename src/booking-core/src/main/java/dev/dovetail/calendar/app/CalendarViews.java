package dev.dovetail.calendar.app;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.port.in.WriteCalendar;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The calendars this node served last, each with the revisions it was built from: the calendar document's and the
 * schedule's (booking events are projected from the schedule), and the instant its projection stops being right (the
 * earliest hold expiry). A reader compares the stored revisions, two small reads, with the cached ones and reuses the
 * calendar when nothing changed; a write on any node moves a revision, so a clustered
 * hub never serves another node's stale calendar. A write on this node advances the cached view itself when it was
 * based on it, so the next sync or query after one change does not reload the calendar. Bounded (least recently used).
 * One per node, shared by the read and write use cases ({@link CalendarUseCases}).
 */
public final class CalendarViews {

  /** How many calendars one node keeps. */
  public static final int CAPACITY = 256;

  /** One cached calendar. */
  static final class View {
    final long calendarRevision;
    final long scheduleRevision;
    final Instant validUntil;
    final CalendarCollection collection;

    View(long scheduleRevision, Instant validUntil, CalendarCollection collection) {
      this.calendarRevision = collection.revision();
      this.scheduleRevision = scheduleRevision;
      this.validUntil = validUntil;
      this.collection = collection;
    }
  }

  private final Map<String, View> views = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, View> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The cached calendar if it is still the stored one. */
  synchronized View current(String resourceId, long calendarRevision, long scheduleRevision, Instant now) {
    View v = views.get(resourceId);
    if (v != null && v.calendarRevision == calendarRevision && v.scheduleRevision == scheduleRevision
        && now.isBefore(v.validUntil)) {
      return v;
    }
    return null;
  }

  synchronized void remember(String resourceId, View view) {
    View have = views.get(resourceId);
    if (have == null || have.calendarRevision <= view.calendarRevision) {
      views.put(resourceId, view);
    }
  }

  /**
   * After this node's write {@code w}: if the cached view was exactly the calendar and schedule revisions the write
   * was based on, the write is the only change, and the new calendar is cached without a reload. Otherwise the next
   * read reloads.
   */
  synchronized void advance(String resourceId, WriteCalendar.Written w) {
    View v = views.get(resourceId);
    if (v != null && v.calendarRevision == w.calendarBase() && v.scheduleRevision == w.scheduleBase()) {
      views.put(resourceId, new View(w.scheduleAfter(), v.validUntil, w.calendar()));
    }
  }
}
