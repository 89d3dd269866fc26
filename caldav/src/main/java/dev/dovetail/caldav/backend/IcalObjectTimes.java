package dev.dovetail.caldav.backend;

import dev.dovetail.caldav.dav.DavException;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;

/**
 * The iCalendar engine the calendar use cases are wired with ({@link ObjectTimes}): ical4j parsing, the bounded
 * {@link Occurrences} expansion and its per-version caches ({@link ObjectSpans}, {@link TimeSpans}). A request's
 * deadline ({@code DavException} from its checkpoint) stops an expansion; an object that cannot be read has no
 * instances.
 */
public final class IcalObjectTimes implements ObjectTimes {

  @Override
  public Indexed indexed(CalendarObject object, ZoneId floating, Instant now) {
    ObjectSpans spans = ObjectSpans.of(object.etag(), object.ics(), floating, now);
    List<Instance> instances = new ArrayList<>(spans.spans().size());
    for (Occurrence o : spans.spans()) {
      instances.add(new Instance(o.start(), o.end()));
    }
    return new Indexed(instances, spans.exactFor(ObjectSpans.OPEN_END) ? Instant.MAX : spans.exactUntil());
  }

  @Override
  public boolean overlaps(CalendarObject object, ZoneId floating, Instant from, Instant to, Runnable checkpoint) {
    return TimeSpans.overlaps(object.etag(), object.ics(), floating, from, to, checkpoint);
  }

  @Override
  public List<TimeRange> busy(CalendarObject object, ZoneId floating, Instant from, Instant to,
      Runnable checkpoint) {
    List<TimeRange> busy = new ArrayList<>();
    try {
      Calendar parsed = IcsParser.parseStored(object.etag(), object.ics());
      if (IcsParser.opaque(parsed)) {
        for (Occurrence o : Occurrences.expand(parsed, from, to, floating, Occurrences.MAX_INSTANCES, checkpoint)) {
          if (o.end().isAfter(o.start())) {
            busy.add(new TimeRange(o.start(), o.end()));
          }
        }
      }
    } catch (DavException overBudget) {
      throw overBudget;
    } catch (RuntimeException unreadable) {
      return List.of(); // an object that cannot be read blocks nothing, as on PUT
    }
    return busy;
  }

  @Override
  public List<TimeRange> blocking(CalendarObject object, ZoneId floating, Instant now) {
    return IcsParser.parseForPut(object.ics(), floating, now).blocking();
  }
}
