package dev.dovetail.caldav.report;

import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavRequest;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Hrefs;
import dev.dovetail.caldav.dav.MultiStatusStream;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarComponents;
import dev.dovetail.calendar.domain.CalendarObject;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.namespace.QName;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import org.w3c.dom.Element;

/**
 * CALDAV:calendar-query (RFC 4791 7.8) with the filters clients use to sync a window: {@code comp-filter VCALENDAR}
 * containing {@code comp-filter VEVENT}, {@code VTODO} or {@code VJOURNAL} (objects of that kind only) with an
 * optional {@code time-range}, matched against the expanded recurrence set (RRULE, RDATE, EXDATE, RECURRENCE-ID
 * overrides; at most 1000 instances per object) by the rule of the kind (RFC 4791 9.9: a task by its DTSTART,
 * DURATION, DUE, COMPLETED and CREATED table). {@code prop-filter} on the component's
 * properties (defined, {@code is-not-defined}, {@code text-match} with the i;ascii-casemap or i;octet collation and
 * {@code negate-condition}) and {@code param-filter} (defined, not defined, text-match) are supported; time
 * ranges on properties and VALARM filters are refused with 403 CALDAV:supported-filter rather than ignored. The time range is answered by the calendar use case
 * ({@code ReadCalendar.overlapping}: the calendar's time index, built once per calendar version and node, outside the
 * request's budget, ADR 70), so a query does not scan or parse the whole calendar.
 * Matching runs on a worker thread; parsed objects are cached by etag. The matches are then rendered and sent as
 * they are rendered ({@link MultiStatusStream}).
 */
public final class CalendarQueryReport implements DavReport {

  @Override
  public QName name() {
    return Ns.caldav("calendar-query");
  }

  /** {@code component}: the kind of object asked for ({@link #ANY}: every object; null: none at all). */
  private record Filter(String component, TimeRanges.Range range, List<PropFilter> props) {

    boolean wants(CalendarObject o) {
      return ANY.equals(component) || component.equals(IcsParser.kind(o.etag(), o.ics()));
    }
  }

  private static final String ANY = "*";

  /** text-match (RFC 4791 9.7.5): a substring test, case-insensitive (i;ascii-casemap) or exact (i;octet). */
  private record TextMatch(String text, boolean caseSensitive, boolean negate) {
    boolean matches(String value) {
      boolean found = caseSensitive ? value.contains(text)
          : value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
      return found != negate;
    }
  }

  /** param-filter (9.7.3): the parameter is defined, not defined, or has a value passing a text-match. */
  private record ParamFilter(String name, boolean notDefined, TextMatch text) {
    boolean matches(Property p) {
      List<String> values = new ArrayList<>();
      for (Object param : p.getParameters(name)) {
        values.add(((Parameter) param).getValue());
      }
      if (notDefined) {
        return values.isEmpty();
      }
      return text == null ? !values.isEmpty() : values.stream().anyMatch(text::matches);
    }
  }

  /**
   * A prop-filter on the filtered component (9.7.2): not defined, or some instance of the property (in any such
   * component of the object) passes the text-match and every param-filter.
   */
  private record PropFilter(String component, String name, boolean notDefined, TextMatch text,
      List<ParamFilter> params) {

    boolean matches(Calendar calendar) {
      List<Property> instances = new ArrayList<>();
      for (Object c : calendar.getComponents(component)) {
        for (Object p : ((Component) c).getProperties(name)) {
          instances.add((Property) p);
        }
      }
      if (notDefined) {
        return instances.isEmpty();
      }
      return instances.stream().anyMatch(p -> (text == null || text.matches(p.getValue()))
          && params.stream().allMatch(f -> f.matches(p)));
    }
  }

  @Override
  public Future<Void> run(DavRequest req, DavResource target, Element body) {
    if (!(target instanceof DavResource.CalendarResource cal)) {
      throw new DavException(403, null, "calendar-query runs on a calendar collection");
    }
    Filter filter = filter(Xml.child(body, Ns.CALDAV, "filter"));
    PropRequest what = PropRequest.from(body);
    var extras = CalendarData.of(what, req.budget());
    return req.vertx().executeBlocking(() -> {
      if (filter.component() == null) {
        return List.<CalendarObject>of();
      }
      TimeRanges.Range range = filter.range();
      if (range != null) {
        req.indexOutsideBudget(cal.calendar());
      }
      List<CalendarObject> candidates = range == null ? cal.collection().objects()
          : req.services().reads().overlapping(cal.calendar(), range.start(), range.end(), req.budget()::check);
      List<CalendarObject> found = new ArrayList<>();
      for (CalendarObject o : candidates) {
        req.budget().check();
        if (filter.wants(o) && matches(o, filter)) {
          found.add(o);
        }
      }
      return found;
    }, false).compose(found -> {
      String base = cal.href(); // each object's href is this and its name, as CalendarObjectResource.href() says
      return MultiStatusStream.send(req, found, (o, ms) -> {
        DavResource r = new DavResource.CalendarObjectResource(cal, o);
        ms.response(base + Hrefs.segment(o.href()), what.render(r, extras));
      }, ms -> { }, !CalendarData.cheap(what));
    });
  }

  /** The property filters (the time range was answered by the calendar's index). */
  private static boolean matches(CalendarObject o, Filter filter) {
    if (filter.props().isEmpty()) {
      return true;
    }
    try {
      Calendar parsed = IcsParser.parseStored(o.etag(), o.ics());
      for (PropFilter p : filter.props()) {
        if (!p.matches(parsed)) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  private static Filter filter(Element filter) {
    if (filter == null) {
      throw new DavException(400, Ns.caldav("valid-filter"), "calendar-query needs a CALDAV:filter");
    }
    Element vcalendar = Xml.child(filter, Ns.CALDAV, "comp-filter");
    if (vcalendar == null || !"VCALENDAR".equalsIgnoreCase(vcalendar.getAttribute("name"))) {
      throw new DavException(400, Ns.caldav("valid-filter"), "the filter must start with comp-filter VCALENDAR");
    }
    if (Xml.child(vcalendar, Ns.CALDAV, "prop-filter") != null) {
      throw DavException.forbidden(Ns.caldav("supported-filter"), "prop-filter on VCALENDAR is not supported");
    }
    Element inner = Xml.child(vcalendar, Ns.CALDAV, "comp-filter");
    if (inner == null) {
      return Xml.child(vcalendar, Ns.CALDAV, "is-not-defined") == null ? new Filter(ANY, null, List.of())
          : new Filter(null, null, List.of());
    }
    String component = inner.getAttribute("name").strip().toUpperCase(Locale.ROOT);
    List<PropFilter> props = new ArrayList<>();
    for (Element pf : Xml.childrenNamed(inner, Ns.CALDAV, "prop-filter")) {
      props.add(propFilter(component, pf));
    }
    if (Xml.child(inner, Ns.CALDAV, "comp-filter") != null) {
      throw DavException.forbidden(Ns.caldav("supported-filter"), "nested comp-filters below " + component
          + " (VALARM) are not supported");
    }
    boolean wanted = CalendarComponents.STORABLE.contains(component)
        && Xml.child(inner, Ns.CALDAV, "is-not-defined") == null;
    Element tr = Xml.child(inner, Ns.CALDAV, "time-range");
    return new Filter(wanted ? component : null, tr == null ? null : TimeRanges.parse(tr), props);
  }

  private static PropFilter propFilter(String component, Element pf) {
    String name = pf.getAttribute("name").strip().toUpperCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new DavException(400, Ns.caldav("valid-filter"), "prop-filter needs a name");
    }
    if (Xml.child(pf, Ns.CALDAV, "time-range") != null) {
      throw DavException.forbidden(Ns.caldav("supported-filter"), "time-range inside prop-filter is not supported");
    }
    if (Xml.child(pf, Ns.CALDAV, "is-not-defined") != null) {
      return new PropFilter(component, name, true, null, List.of());
    }
    List<ParamFilter> params = new ArrayList<>();
    for (Element f : Xml.childrenNamed(pf, Ns.CALDAV, "param-filter")) {
      String param = f.getAttribute("name").strip().toUpperCase(Locale.ROOT);
      if (param.isEmpty()) {
        throw new DavException(400, Ns.caldav("valid-filter"), "param-filter needs a name");
      }
      params.add(new ParamFilter(param, Xml.child(f, Ns.CALDAV, "is-not-defined") != null,
          textMatch(Xml.child(f, Ns.CALDAV, "text-match"))));
    }
    return new PropFilter(component, name, false, textMatch(Xml.child(pf, Ns.CALDAV, "text-match")), params);
  }

  /** A text-match element (null if absent); collations other than i;ascii-casemap and i;octet are refused. */
  private static TextMatch textMatch(Element tm) {
    if (tm == null) {
      return null;
    }
    String collation = tm.getAttribute("collation");
    if (!collation.isEmpty() && !collation.equals("i;ascii-casemap") && !collation.equals("i;octet")) {
      throw DavException.forbidden(Ns.caldav("supported-collation"), "unsupported collation " + collation);
    }
    return new TextMatch(tm.getTextContent(), collation.equals("i;octet"),
        "yes".equals(tm.getAttribute("negate-condition")));
  }
}
