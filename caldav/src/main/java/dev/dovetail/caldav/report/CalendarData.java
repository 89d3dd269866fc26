package dev.dovetail.caldav.report;

import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.caldav.backend.Occurrences;
import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.caldav.dav.DavResource;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.PropRequest;
import dev.dovetail.caldav.dav.RequestBudget;
import dev.dovetail.caldav.dav.Xml;
import dev.dovetail.calendar.domain.CalendarObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import javax.xml.namespace.QName;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import org.w3c.dom.Element;

/**
 * CALDAV:calendar-data in a report response (RFC 4791 9.6). By default the whole object. With {@code
 * <C:expand start end/>} (9.6.5) the recurrence set inside the range is written as one VEVENT per instance, in UTC,
 * with RECURRENCE-ID and without RRULE/RDATE/EXDATE or VTIMEZONE (sub-components such as VALARM are dropped); tasks
 * and journal entries are returned whole.
 * Partial retrieval ({@code comp}/{@code prop}, 9.6.1-9.6.4) and {@code limit-recurrence-set} (9.6.6) go through
 * {@link CalendarDataSubset}. Call from a worker thread when expanding or subsetting.
 */
final class CalendarData {

  private static final QName NAME = Ns.caldav("calendar-data");
  private static final Set<String> DROPPED = Set.of(Property.DTSTART, Property.DTEND, Property.DURATION,
      Property.RRULE, Property.RDATE, Property.EXDATE, Property.RECURRENCE_ID);

  /** Whole objects' calendar-data, escaped and encoded once per object version (at most 20,000, 64 MiB in all). */
  private static final EncodedCalendarData ENCODED = new EncodedCalendarData(20_000, 64L << 20);

  private CalendarData() {}

  /** The extras function for a report's property request. */
  static BiFunction<DavResource, QName, CharSequence> of(PropRequest what, RequestBudget budget) {
    Element data = what.calendarData();
    Element expand = data == null ? null : Xml.child(data, Ns.CALDAV, "expand");
    Element limit = data == null ? null : Xml.child(data, Ns.CALDAV, "limit-recurrence-set");
    if (expand != null && limit != null) {
      throw new DavException(400, null, "calendar-data takes expand or limit-recurrence-set, not both");
    }
    TimeRanges.Range range = expand == null ? null : TimeRanges.parse(expand);
    TimeRanges.Range limitRange = limit == null ? null : TimeRanges.parse(limit);
    CalendarDataSubset.Spec spec = CalendarDataSubset.spec(data);
    return (r, name) -> {
      if (!NAME.equals(name) || !(r instanceof DavResource.CalendarObjectResource o)) {
        return null;
      }
      ZoneId zone = o.calendar().resource().zone();
      String ics = range == null ? o.object().ics()
          : expanded(o.object(), range.start(), range.end(), zone, budget);
      if (spec == null && limitRange == null) {
        return range == null ? ENCODED.of(o.object()) : Xml.escape(ics);
      }
      Calendar parsed;
      try {
        parsed = range == null ? IcsParser.parseStored(o.object().etag(), ics) : IcsParser.parseStored(
            CalendarObject.etagOf(ics), ics);
      } catch (RuntimeException unreadable) {
        return Xml.escape(ics);
      }
      Predicate<Component> keep = limitRange == null ? c -> true
          : CalendarDataSubset.limitRecurrenceSet(limitRange.start(), limitRange.end(), zone);
      return Xml.escape(CalendarDataSubset.render(parsed, spec, keep));
    };
  }

  /**
   * Whether a response renders cheaply: no calendar-data, or whole objects (their escaped bytes are cached per version).
   * Only then is a multistatus streamed; an expansion or a partial retrieval parses objects and spends the request's
   * budget, so it is rendered whole, checked as it goes, before anything is sent ({@code MultiStatusStream}).
   */
  static boolean cheap(PropRequest what) {
    Element data = what.calendarData();
    return data == null || Xml.children(data).isEmpty();
  }

  @SuppressWarnings("unchecked")
  static String expanded(CalendarObject object, Instant from, Instant to, ZoneId floating,
      RequestBudget budget) {
    if (!Component.VEVENT.equals(IcsParser.kind(object.etag(), object.ics()))) {
      return object.ics(); // tasks and journal entries are returned whole, not expanded
    }
    Calendar calendar;
    try {
      calendar = IcsParser.parseStored(object.etag(), object.ics());
    } catch (RuntimeException unreadable) {
      return object.ics();
    }
    StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//CalDAV//EN\r\n");
    List<Occurrences.Instance> instances;
    try {
      instances = Occurrences.instances(calendar, from, to, floating, Occurrences.MAX_INSTANCES, budget::check);
    } catch (DavException overBudget) {
      throw overBudget;
    } catch (RuntimeException unexpandable) {
      return object.ics();
    }
    budget.expanded(instances.size());
    for (Occurrences.Instance i : instances) {
      s.append("BEGIN:VEVENT\r\n");
      for (Object p : i.component().getProperties()) {
        Property property = (Property) p;
        if (!DROPPED.contains(property.getName())) {
          s.append(property.toString());
        }
      }
      if (i.recurrenceId() != null) {
        s.append("RECURRENCE-ID:").append(TimeRanges.UTC.format(i.recurrenceId())).append("\r\n");
      }
      s.append("DTSTART:").append(TimeRanges.UTC.format(i.occurrence().start())).append("\r\n");
      s.append("DTEND:").append(TimeRanges.UTC.format(i.occurrence().end())).append("\r\n");
      s.append("END:VEVENT\r\n");
    }
    return s.append("END:VCALENDAR\r\n").toString();
  }
}
