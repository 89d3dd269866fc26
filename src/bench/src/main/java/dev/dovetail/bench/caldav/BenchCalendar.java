package dev.dovetail.bench.caldav;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's calendar, the same bytes for every server: {@code n} events from a fixed seed, as Apple Calendar
 * and Thunderbird write them (TZID Europe/Berlin with its VTIMEZONE). 90% are single events of 30 to 180 minutes on
 * weekdays between 08:00 and 18:00 over two years from {@link #FIRST_DAY}; 10% are weekly series, half of them
 * never-ending, half with a COUNT of 10 to 60, and every fourth series has an EXDATE and a moved instance
 * (RECURRENCE-ID override).
 */
public final class BenchCalendar {

  /** The first day of the data; queries ask about weeks in the two years from here. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2026, 6, 1);
  public static final int DAYS = 730;

  /** One calendar object resource: its file name and its text. */
  public record Item(String name, String ics) {}

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final String BERLIN = """
      BEGIN:VTIMEZONE\r
      TZID:Europe/Berlin\r
      BEGIN:DAYLIGHT\r
      TZOFFSETFROM:+0100\r
      TZOFFSETTO:+0200\r
      TZNAME:CEST\r
      DTSTART:19700329T020000\r
      RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
      END:DAYLIGHT\r
      BEGIN:STANDARD\r
      TZOFFSETFROM:+0200\r
      TZOFFSETTO:+0100\r
      TZNAME:CET\r
      DTSTART:19701025T030000\r
      RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
      END:STANDARD\r
      END:VTIMEZONE\r
      """;

  private BenchCalendar() {}

  public static List<Item> generate(int n, long seed) {
    Random random = new Random(seed);
    List<Item> items = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String uid = "bench-" + seed + "-" + i + "@dovetail.bench";
      LocalDate day = FIRST_DAY.plusDays(random.nextInt(DAYS));
      while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        day = day.plusDays(1);
      }
      LocalDateTime start = day.atTime(8 + random.nextInt(10), random.nextInt(4) * 15);
      LocalDateTime end = start.plusMinutes(30L * (1 + random.nextInt(6)));
      StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\n")
          .append(BERLIN)
          .append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20260501T120000Z\r\n")
          .append("DTSTART;TZID=Europe/Berlin:").append(LOCAL.format(start)).append("\r\n")
          .append("DTEND;TZID=Europe/Berlin:").append(LOCAL.format(end)).append("\r\n")
          .append("SUMMARY:Bench event ").append(i).append("\r\n");
      boolean series = i % 10 == 0;
      boolean exceptions = series && i % 40 == 0;
      if (series) {
        s.append(i % 20 == 0 ? "RRULE:FREQ=WEEKLY\r\n" : "RRULE:FREQ=WEEKLY;COUNT=" + (10 + random.nextInt(51)) + "\r\n");
        if (exceptions) {
          s.append("EXDATE;TZID=Europe/Berlin:").append(LOCAL.format(start.plusWeeks(2))).append("\r\n");
        }
      }
      s.append("END:VEVENT\r\n");
      if (exceptions) {
        LocalDateTime moved = start.plusWeeks(3).plusHours(1);
        s.append("BEGIN:VEVENT\r\nUID:").append(uid).append("\r\nDTSTAMP:20260501T120000Z\r\n")
            .append("RECURRENCE-ID;TZID=Europe/Berlin:").append(LOCAL.format(start.plusWeeks(3))).append("\r\n")
            .append("DTSTART;TZID=Europe/Berlin:").append(LOCAL.format(moved)).append("\r\n")
            .append("DTEND;TZID=Europe/Berlin:").append(LOCAL.format(moved.plusMinutes(30))).append("\r\n")
            .append("SUMMARY:Bench event ").append(i).append(" (moved)\r\nEND:VEVENT\r\n");
      }
      items.add(new Item("bench-" + i + ".ics", s.append("END:VCALENDAR\r\n").toString()));
    }
    return items;
  }
}
