package dev.dovetail.insights.domain;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The days [from, to) in the provider's zone that insights cover: from midnight of {@code from} to midnight of
 * {@code to} in that zone, so a DST day is 23 or 25 hours long. At most {@value #MAX_DAYS} days.
 */
public record InsightsRange(LocalDate from, LocalDate to, ZoneId zone) {

  public static final int MAX_DAYS = 366;
  /** The default range: this many days before today and as many from today on. */
  public static final int DEFAULT_DAYS_AROUND_TODAY = 30;

  public InsightsRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(zone, "zone");
    if (!from.isBefore(to)) {
      throw new InvalidRequestException("'from' must be before 'to'");
    }
    if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
      throw new InvalidRequestException("a range covers at most " + MAX_DAYS + " days: narrow from and to");
    }
  }

  /** The last and the next {@value #DEFAULT_DAYS_AROUND_TODAY} days around {@code today}. */
  public static InsightsRange around(LocalDate today, ZoneId zone) {
    return new InsightsRange(today.minusDays(DEFAULT_DAYS_AROUND_TODAY), today.plusDays(DEFAULT_DAYS_AROUND_TODAY),
        zone);
  }

  public TimeRange window() {
    return new TimeRange(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
  }

  public List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>();
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      days.add(d);
    }
    return days;
  }

  public boolean contains(Instant instant) {
    return window().contains(instant);
  }

  /** The provider's local date of an instant. */
  public LocalDate dayOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }
}
