package dev.dovetail.insights.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How long before the start the range's confirmed bookings were made: {@code medianMinutes} (the lower median, null
 * without bookings) and how many fall in each bucket.
 */
public record LeadTimes(int count, Long medianMinutes, List<Bucket> buckets) {

  private static final long HOUR = 60;
  private static final long DAY = 24 * HOUR;

  public LeadTimes {
    buckets = List.copyOf(buckets);
  }

  /** The median and buckets of these lead times in minutes (negative ones, booked after the start, count as 0). */
  public static LeadTimes of(List<Long> minutes) {
    List<Long> sorted = new ArrayList<>();
    minutes.forEach(m -> sorted.add(Math.max(0, m)));
    sorted.sort(null);
    Long median = sorted.isEmpty() ? null : sorted.get((sorted.size() - 1) / 2);
    List<Bucket> buckets = new ArrayList<>();
    for (Bucket empty : List.of(
        new Bucket("under 1 hour", 0, HOUR, 0),
        new Bucket("1 to 24 hours", HOUR, DAY, 0),
        new Bucket("1 to 7 days", DAY, 7 * DAY, 0),
        new Bucket("7 to 30 days", 7 * DAY, 30 * DAY, 0),
        new Bucket("30 days or more", 30 * DAY, null, 0))) {
      int count = (int) sorted.stream().filter(empty::holds).count();
      buckets.add(new Bucket(empty.label(), empty.fromMinutes(), empty.untilMinutes(), count));
    }
    return new LeadTimes(sorted.size(), median, buckets);
  }

  /** Lead times of at least {@code fromMinutes} and below {@code untilMinutes} (null: no upper end). */
  public record Bucket(String label, long fromMinutes, Long untilMinutes, int count) {

    public boolean holds(long minutes) {
      return minutes >= fromMinutes && (untilMinutes == null || minutes < untilMinutes);
    }
  }
}
