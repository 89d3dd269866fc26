package dev.dovetail.calendar.domain;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Schedule;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bookings as read-only events of their resource's calendar ({@link BookingIcs}): which bookings a calendar should
 * show (confirmed ones, and holds still live), and the calendar with exactly those booking events. Confirmed bookings
 * whose block was pruned (ended over 8 days ago) stay. A client object never loses its href or UID to a booking.
 */
public final class BookingProjection {

  private BookingProjection() {}

  /** The bookings to look up: those the schedule blocks for now, and those the calendar already shows. */
  public static Set<String> bookingIds(Schedule schedule, CalendarCollection calendar, Instant now) {
    Set<String> ids = new HashSet<>();
    for (Block b : schedule.blocks()) {
      if (b.kind() == Block.Kind.BOOKING && !b.isExpiredAt(now)) {
        ids.add(b.ownerId());
      }
    }
    for (CalendarObject o : calendar.objects()) {
      if (o.booking()) {
        ids.add(o.href().substring(BookingIcs.HREF_PREFIX.length(), o.href().length() - ".ics".length()));
      }
    }
    return ids;
  }

  /** The booking events the resource's calendar should hold, by href. */
  public static Map<String, CalendarObject> wanted(String resourceId, Collection<Booking> bookings, Instant now) {
    Map<String, CalendarObject> wanted = new HashMap<>();
    for (Booking b : bookings) {
      if (b.blocksResource(resourceId) && (b.status() == BookingStatus.CONFIRMED || b.blocksAt(now))) {
        CalendarObject o = BookingIcs.object(b);
        wanted.put(o.href(), o);
      }
    }
    return wanted;
  }

  /** Whether the calendar's booking events differ from {@code wanted}. */
  public static boolean differs(CalendarCollection c, Map<String, CalendarObject> wanted) {
    for (CalendarObject o : c.objects()) {
      if (o.booking() && !wanted.containsKey(o.href())) {
        return true;
      }
    }
    for (CalendarObject w : wanted.values()) {
      CalendarObject have = c.find(w.href()).orElse(null);
      if (have == null || !have.etag().equals(w.etag())) {
        return true;
      }
    }
    return false;
  }

  /** The calendar with exactly the {@code wanted} booking events. */
  public static CalendarCollection project(CalendarCollection c, Map<String, CalendarObject> wanted) {
    CalendarCollection next = c;
    for (CalendarObject o : c.objects()) {
      if (o.booking() && !wanted.containsKey(o.href())) {
        next = next.remove(o.href());
      }
    }
    for (CalendarObject w : wanted.values()) {
      CalendarObject have = next.find(w.href()).orElse(null);
      if (have != null && !have.booking()) {
        continue; // a client object squats the href: never overwrite it
      }
      try {
        next = next.put(w);
      } catch (IllegalArgumentException uidTaken) {
        // a client object already has this UID (written before the write guard existed): leave both alone
      }
    }
    return next;
  }
}
