package dev.dovetail.caldav.report;

import dev.dovetail.caldav.backend.Occurrence;
import dev.dovetail.caldav.backend.Occurrences;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.ComponentListAccessor;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.property.DateProperty;
import org.w3c.dom.Element;

/**
 * Partial retrieval of calendar data (RFC 4791 9.6.1-9.6.4 and 9.6.6): a {@code comp} tree naming the components and
 * properties to return ({@code allcomp}, {@code allprop}, {@code prop novalue="yes"}), and {@code
 * limit-recurrence-set}, which drops the overridden instances (RECURRENCE-ID components) that do not touch the range.
 * A {@code comp} element with no {@code prop}/{@code allprop} and no {@code comp}/{@code allcomp} children returns
 * that component whole (what clients asking for {@code <C:comp name="VTIMEZONE"/>} expect).
 */
final class CalendarDataSubset {

  /** Which properties and sub-components of one component to keep. */
  record Spec(String name, boolean allProps, Map<String, Boolean> props, boolean allComps, List<Spec> comps) {

    static Spec whole(String name) {
      return new Spec(name, true, Map.of(), true, List.of());
    }

    Optional<Spec> child(String componentName) {
      if (allComps) {
        return Optional.of(whole(componentName));
      }
      return comps.stream().filter(c -> c.name().equalsIgnoreCase(componentName)).findFirst();
    }
  }

  private CalendarDataSubset() {}

  /** The {@code comp} tree of a {@code calendar-data} element, or null if it asks for everything. */
  static Spec spec(Element calendarData) {
    Element comp = calendarData == null ? null : Xml.child(calendarData, Ns.CALDAV, "comp");
    if (comp == null) {
      return null;
    }
    Spec spec = parse(comp);
    if (!spec.name().equals("VCALENDAR")) {
      throw new DavException(400, Ns.caldav("valid-filter"), "calendar-data comp must start with VCALENDAR");
    }
    return spec;
  }

  private static Spec parse(Element comp) {
    String name = comp.getAttribute("name").strip().toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new DavException(400, null, "calendar-data comp needs a name");
    }
    boolean allProps = Xml.child(comp, Ns.CALDAV, "allprop") != null;
    boolean allComps = Xml.child(comp, Ns.CALDAV, "allcomp") != null;
    Map<String, Boolean> props = new LinkedHashMap<>();
    for (Element p : Xml.childrenNamed(comp, Ns.CALDAV, "prop")) {
      props.put(p.getAttribute("name").strip().toUpperCase(Locale.ROOT), "yes".equals(p.getAttribute("novalue")));
    }
    List<Spec> comps = new ArrayList<>();
    for (Element c : Xml.childrenNamed(comp, Ns.CALDAV, "comp")) {
      comps.add(parse(c));
    }
    if (!allProps && props.isEmpty() && !allComps && comps.isEmpty()) {
      return Spec.whole(name);
    }
    return new Spec(name, allProps, props, allComps, comps);
  }

  /** The calendar as iCalendar text, keeping what {@code spec} names (all if null) and the components {@code keep}s. */
  @SuppressWarnings("unchecked")
  static String render(Calendar calendar, Spec spec, Predicate<Component> keep) {
    Spec s = spec == null ? Spec.whole("VCALENDAR") : spec;
    StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\n");
    properties(out, calendar.getProperties(), s);
    for (Object o : calendar.getComponents()) {
      Component c = (Component) o;
      if (keep.test(c)) {
        s.child(c.getName()).ifPresent(child -> component(out, c, child));
      }
    }
    return out.append("END:VCALENDAR\r\n").toString();
  }

  private static void component(StringBuilder out, Component c, Spec spec) {
    out.append("BEGIN:").append(c.getName()).append("\r\n");
    properties(out, c.getProperties(), spec);
    if (c instanceof ComponentListAccessor<?> container) {
      for (Object o : container.getComponentList().getAll()) {
        Component sub = (Component) o;
        spec.child(sub.getName()).ifPresent(child -> component(out, sub, child));
      }
    }
    out.append("END:").append(c.getName()).append("\r\n");
  }

  private static void properties(StringBuilder out, List<? extends Property> properties, Spec spec) {
    for (Property p : properties) {
      if (spec.allProps()) {
        out.append(p);
        continue;
      }
      Boolean novalue = spec.props().get(p.getName().toUpperCase(Locale.ROOT));
      if (novalue == null) {
        continue;
      }
      if (novalue) {
        out.append(p.getName()).append(":\r\n");
      } else {
        out.append(p);
      }
    }
  }

  /**
   * limit-recurrence-set (9.6.6): every component except the overridden instances (VEVENTs with RECURRENCE-ID) whose
   * new time and original time both miss [from, to). The original time is taken with the override's own length.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Predicate<Component> limitRecurrenceSet(Instant from, Instant to, ZoneId floating) {
    return c -> {
      Optional<Property> rid = c.getProperty(Property.RECURRENCE_ID);
      Optional<Property> start = c.getProperty(Property.DTSTART);
      if (!Component.VEVENT.equals(c.getName()) || rid.isEmpty() || start.isEmpty()) {
        return true;
      }
      try {
        Instant begin = Occurrences.instant((Temporal) ((DateProperty) start.get()).getDate(), floating);
        Instant end = c.getProperty(Property.DTEND)
            .map(p -> Occurrences.instant((Temporal) ((DateProperty) p).getDate(), floating)).orElse(begin);
        Duration length = end.isAfter(begin) ? Duration.between(begin, end) : Duration.ZERO;
        Instant original = Occurrences.instant((Temporal) ((DateProperty) rid.get()).getDate(), floating);
        return new Occurrence(begin, begin.plus(length)).overlaps(from, to)
            || new Occurrence(original, original.plus(length)).overlaps(from, to);
      } catch (RuntimeException unreadable) {
        return true;
      }
    };
  }
}
