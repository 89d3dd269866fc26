package dev.dovetail.caldav.backend;

import dev.dovetail.kernel.TimeRange;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;

/**
 * A calendar object that passed validation: its UID, its kind ({@code VEVENT}, {@code VTODO} or {@code VJOURNAL}),
 * whether it blocks time (an event neither TRANSP:TRANSPARENT nor STATUS:CANCELLED), and the instances it blocks
 * inside the bounded window that PUT looks at.
 */
public record ParsedEvent(Calendar calendar, String uid, String component, boolean opaque, List<Occurrence> busy) {

  /** The spans the object blocks: one per instance with a length; none when it is transparent or cancelled. */
  public List<TimeRange> blocking() {
    List<TimeRange> spans = new ArrayList<>();
    if (opaque) {
      for (Occurrence o : busy) {
        if (o.end().isAfter(o.start())) {
          spans.add(new TimeRange(o.start(), o.end()));
        }
      }
    }
    return spans;
  }
}
