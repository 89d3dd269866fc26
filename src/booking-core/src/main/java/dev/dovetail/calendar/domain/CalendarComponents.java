package dev.dovetail.calendar.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which kinds of calendar component a calendar holds (RFC 4791 5.2.3, CALDAV:supported-calendar-component-set):
 * events ({@code VEVENT}), tasks ({@code VTODO}) and journal entries ({@code VJOURNAL}), any non-empty combination,
 * chosen when the calendar is made and kept as the {@link #PROPERTY} dead property. A calendar without it (every
 * resource's own calendar) holds events only. Only events block time: tasks and journal entries never block a
 * booking and are never busy time.
 */
public final class CalendarComponents {

  /** The dead property that keeps a calendar's set, e.g. {@code VEVENT,VTODO}. */
  public static final String PROPERTY = "supported-components";
  public static final String VEVENT = "VEVENT";
  public static final String VTODO = "VTODO";
  public static final String VJOURNAL = "VJOURNAL";
  /** What a calendar can be made to hold, in the order the set is written. */
  public static final List<String> STORABLE = List.of(VEVENT, VTODO, VJOURNAL);
  /** The set of a calendar made without asking (and of every resource's own calendar). */
  public static final Set<String> DEFAULT = Set.of(VEVENT);

  private CalendarComponents() {}

  /** The set a calendar holds. */
  public static Set<String> of(CalendarCollection calendar) {
    String stored = calendar.properties().get(PROPERTY);
    return stored == null ? DEFAULT : Set.copyOf(List.of(stored.split(",")));
  }

  /**
   * The stored form of a requested set (names in any case); {@link UnsupportedComponentException} for an empty set or
   * a kind this hub cannot store (VFREEBUSY, VAVAILABILITY, anything else).
   */
  public static String encode(Collection<String> requested) {
    Set<String> names = new TreeSet<>();
    for (String r : requested) {
      String name = r.strip().toUpperCase(Locale.ROOT);
      if (!STORABLE.contains(name)) {
        throw new UnsupportedComponentException("calendars here hold " + String.join(", ", STORABLE)
            + " components, not " + name);
      }
      names.add(name);
    }
    if (names.isEmpty()) {
      throw new UnsupportedComponentException("a calendar holds at least one kind of component");
    }
    List<String> ordered = new ArrayList<>();
    STORABLE.stream().filter(names::contains).forEach(ordered::add);
    return String.join(",", ordered);
  }

  /** Refuses an object of a kind the calendar does not hold. */
  public static void requireSupported(CalendarCollection calendar, String component) {
    Set<String> supported = of(calendar);
    if (!supported.contains(component)) {
      throw new UnsupportedComponentException("this calendar holds " + String.join(", ",
          STORABLE.stream().filter(supported::contains).toList()) + " components, not " + component);
    }
  }

  /** Whether objects of this kind can block time: events only. */
  public static boolean blocksTime(String component) {
    return VEVENT.equals(component);
  }
}
