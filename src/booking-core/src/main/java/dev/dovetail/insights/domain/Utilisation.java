package dev.dovetail.insights.domain;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.OpenTime;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.kernel.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Booked ÷ open time of a resource over a window. */
final class Utilisation {

  private Utilisation() {}

  /** The resource's open time in the window, and the part of it its confirmed bookings cover. */
  static ResourceUse of(Resource resource, TimeRange window, List<Booking> bookings) {
    List<TimeRange> open = OpenTime.within(resource, window);
    List<TimeRange> booked = OpenTime.merged(bookings.stream()
        .filter(b -> b.status() == BookingStatus.CONFIRMED && b.blocksResource(resource.id()))
        .map(Booking::time)
        .toList());
    return new ResourceUse(resource.id(), resource.name(), overlapSeconds(open, booked), seconds(open));
  }

  static long seconds(List<TimeRange> ranges) {
    return ranges.stream().mapToLong(r -> r.length().getSeconds()).sum();
  }

  /** Seconds two lists of disjoint ranges in time order have in common. */
  static long overlapSeconds(List<TimeRange> a, List<TimeRange> b) {
    long total = 0;
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      Instant start = later(a.get(i).start(), b.get(j).start());
      Instant end = earlier(a.get(i).end(), b.get(j).end());
      if (start.isBefore(end)) {
        total += Duration.between(start, end).getSeconds();
      }
      if (a.get(i).end().isBefore(b.get(j).end())) {
        i++;
      } else {
        j++;
      }
    }
    return total;
  }

  private static Instant later(Instant x, Instant y) {
    return x.isAfter(y) ? x : y;
  }

  private static Instant earlier(Instant x, Instant y) {
    return x.isBefore(y) ? x : y;
  }
}
