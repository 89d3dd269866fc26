package dev.dovetail.caldav.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarIndex;
import dev.dovetail.calendar.domain.CalendarObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

@Label("CalendarIndex answers time ranges exactly like expanding every object")
class CalendarIndexProperties {

  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final LocalDateTime BASE = LocalDateTime.of(2026, 1, 1, 0, 0);
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

  enum Shape { UTC, BERLIN_TZID, FLOATING, ALL_DAY }

  enum Rule { NONE, WEEKLY_COUNT, WEEKLY_FOREVER, DAILY_FOREVER, DAILY_UNTIL, WEEKLY_WITH_EXCEPTIONS, HOURLY_FOREVER }

  record Event(Shape shape, Rule rule, int startMinutes, int lengthMinutes) {

    String ics(String uid) {
      LocalDateTime start = BASE.plusMinutes(startMinutes);
      StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n")
          .append("UID:").append(uid).append("\r\nDTSTAMP:20260101T000000Z\r\n");
      switch (shape) {
        case UTC -> s.append("DTSTART:").append(LOCAL.format(start.atZone(BERLIN).withZoneSameInstant(ZoneOffset.UTC)))
            .append("Z\r\nDURATION:PT").append(lengthMinutes).append("M\r\n");
        case BERLIN_TZID -> s.append("DTSTART;TZID=Europe/Berlin:").append(LOCAL.format(start))
            .append("\r\nDTEND;TZID=Europe/Berlin:").append(LOCAL.format(start.plusMinutes(lengthMinutes)))
            .append("\r\n");
        case FLOATING -> s.append("DTSTART:").append(LOCAL.format(start)).append("\r\nDTEND:")
            .append(LOCAL.format(start.plusMinutes(lengthMinutes))).append("\r\n");
        case ALL_DAY -> s.append("DTSTART;VALUE=DATE:").append(DATE.format(start)).append("\r\nDTEND;VALUE=DATE:")
            .append(DATE.format(start.plusDays(1 + lengthMinutes / 1440))).append("\r\n");
        default -> throw new IllegalStateException();
      }
      // an hourly rule on a date is not valid iCalendar (PUT refuses it): all-day events repeat daily instead
      switch (shape == Shape.ALL_DAY && rule == Rule.HOURLY_FOREVER ? Rule.DAILY_FOREVER : rule) {
        case NONE -> { }
        case WEEKLY_COUNT -> s.append("RRULE:FREQ=WEEKLY;COUNT=").append(2 + startMinutes % 30).append("\r\n");
        case WEEKLY_FOREVER -> s.append("RRULE:FREQ=WEEKLY\r\n");
        case DAILY_FOREVER -> s.append("RRULE:FREQ=DAILY\r\n");
        case HOURLY_FOREVER -> s.append("RRULE:FREQ=HOURLY;INTERVAL=5\r\n");
        case DAILY_UNTIL -> s.append("RRULE:FREQ=DAILY;UNTIL=20270301T000000Z\r\n");
        case WEEKLY_WITH_EXCEPTIONS -> {
          s.append("RRULE:FREQ=WEEKLY;COUNT=20\r\n");
          if (shape != Shape.ALL_DAY && shape != Shape.UTC) {
            s.append(shape == Shape.BERLIN_TZID ? "EXDATE;TZID=Europe/Berlin:" : "EXDATE:")
                .append(LOCAL.format(start.plusWeeks(2))).append("\r\n");
            s.append(shape == Shape.BERLIN_TZID ? "RDATE;TZID=Europe/Berlin:" : "RDATE:")
                .append(LOCAL.format(start.plusDays(200))).append("\r\n");
          }
        }
        default -> throw new IllegalStateException();
      }
      return s.append("END:VEVENT\r\nEND:VCALENDAR\r\n").toString();
    }
  }

  @Provide
  Arbitrary<Event> events() {
    return Combinators.combine(Arbitraries.of(Shape.class),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Rule.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Rule.class))),
            Arbitraries.integers().between(0, 3 * 365 * 1440),
            Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(8, Arbitraries.integers().between(1, 600)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(15 * 1440, 60 * 1440))))
        .as(Event::new);
  }

  @Property(tries = 60)
  @Label("the objects found through the index are exactly those whose expansion overlaps the range")
  void indexMatchesExpansion(@ForAll @Size(min = 1, max = 40) List<@From("events") Event> events,
      @ForAll @IntRange(min = 0, max = 4 * 365 * 1440) int fromMinutes,
      @ForAll @IntRange(min = 1, max = 60 * 1440) int lengthMinutes) {
    CalendarCollection calendar = CalendarCollection.empty("room");
    for (int i = 0; i < events.size(); i++) {
      calendar = calendar.put(CalendarObject.of("e" + i + ".ics", "e" + i, events.get(i).ics("e" + i), false));
    }
    Instant from = BASE.atZone(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(fromMinutes));
    Instant to = from.plus(Duration.ofMinutes(lengthMinutes));
    List<String> expected = calendar.objects().stream()
        .filter(o -> TimeSpans.overlaps(o.etag(), o.ics(), BERLIN, from, to, () -> { })).map(CalendarObject::href).toList();
    List<String> found = CalendarIndex.build(calendar, new IcalObjectTimes(), BERLIN, NOW, () -> { })
        .overlapping(from, to, () -> { }).stream()
        .map(CalendarObject::href).toList();
    assertThat(found).containsExactlyElementsOf(expected);
  }
}
