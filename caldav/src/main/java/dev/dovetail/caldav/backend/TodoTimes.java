package dev.dovetail.caldav.backend;

import dev.dovetail.caldav.dav.DavException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;

/**
 * Whether a task (VTODO) overlaps a time range, by the table of RFC 4791 9.9, which differs from an event's rule: a
 * task with DTSTART is matched instance by instance (its recurrence expanded like an event's, bounded the same way)
 * with DURATION or DUE as its end, inclusive where the table says so; a task without DTSTART by its DUE, else by its
 * COMPLETED and CREATED times, else it overlaps every range. Journal entries (VJOURNAL) need nothing of their own:
 * their rule is an event's with no end ({@link Occurrence#overlaps}). Call from a worker thread.
 */
final class TodoTimes {

  private TodoTimes() {}

  @SuppressWarnings("unchecked")
  static boolean overlaps(Calendar calendar, ZoneId floating, Instant from, Instant to, Runnable checkpoint) {
    List<Component> todos = List.copyOf((List<? extends Component>) calendar.getComponents(Component.VTODO));
    if (todos.isEmpty()) {
      return false;
    }
    if (todos.stream().anyMatch(t -> t.getProperty(Property.DTSTART).isPresent())) {
      // instances around the range, widened by a second so that the inclusive bounds of the table see those at its
      // edges (iCalendar times have whole seconds)
      try {
        for (Occurrences.Instance i : Occurrences.instances(calendar, from.minusSeconds(1), to.plusSeconds(1),
            floating, Occurrences.MAX_INSTANCES, checkpoint)) {
          if (instanceOverlaps(i, from, to)) {
            return true;
          }
        }
      } catch (DavException overBudget) {
        throw overBudget;
      } catch (RuntimeException unreadable) {
        return false;
      }
      return false;
    }
    Component task = todos.get(0);
    Instant due = time(task, Property.DUE, floating);
    Instant completed = time(task, Property.COMPLETED, floating);
    Instant created = time(task, Property.CREATED, floating);
    if (due != null) {
      return from.isBefore(due) && !to.isBefore(due);
    }
    if (completed != null && created != null) {
      return (!from.isAfter(created) || !from.isAfter(completed)) && (!to.isBefore(created) || !to.isBefore(completed));
    }
    if (completed != null) {
      return !from.isAfter(completed) && !to.isBefore(completed);
    }
    if (created != null) {
      return to.isAfter(created);
    }
    return true;
  }

  /** One instance of a task with DTSTART: the rows of the table with DURATION, with DUE, and with neither. */
  private static boolean instanceOverlaps(Occurrences.Instance instance, Instant from, Instant to) {
    Component task = instance.component();
    Instant start = instance.occurrence().start();
    Instant end = instance.occurrence().end();
    if (task.getProperty(Property.DURATION).isPresent()) {
      return !from.isAfter(end) && (to.isAfter(start) || !to.isBefore(end));
    }
    if (task.getProperty(Property.DUE).isPresent()) {
      return (from.isBefore(end) || !from.isAfter(start)) && (to.isAfter(start) || !to.isBefore(end));
    }
    return !from.isAfter(start) && to.isAfter(start);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Instant time(Component task, String name, ZoneId floating) {
    Optional<Property> p = task.getProperty(name);
    if (p.isEmpty()) {
      return null;
    }
    try {
      return Occurrences.instant((Temporal) ((DateProperty) p.get()).getDate(), floating);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
