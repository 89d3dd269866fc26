package dev.dovetail.bench.jmh;

import dev.dovetail.caldav.backend.IcsParser;
import java.io.StringReader;
import java.util.concurrent.TimeUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing one stored event as Apple Calendar and Thunderbird write it (TZID Europe/Berlin with its VTIMEZONE), which
 * every PUT, every cold query and every index build pays per object:
 *
 * <ul>
 *   <li>{@code hubParse}: {@link IcsParser#parseStored} with a new etag each time (no cache hit), whose ical4j
 *       builder reuses the zone rules of an identical VTIMEZONE ({@code SharedZoneRules});
 *   <li>{@code ical4jDefault}: ical4j's own {@code new CalendarBuilder()}, which builds the zone rules again for
 *       every object (what the hub did before);
 *   <li>{@code utcEvent}: the same event in UTC without a VTIMEZONE, the floor.
 * </ul>
 *
 * <p>Run: see docs/benchmarks.md, section "iCalendar parsing (JMH)".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IcsParseBenchmark {

  private static final String BERLIN = "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\n"
      + "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
      + "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\n"
      + "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
      + "END:STANDARD\r\nEND:VTIMEZONE\r\n";
  private static final String ZONED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\n" + BERLIN
      + "BEGIN:VEVENT\r\nUID:parse@bench\r\nDTSTAMP:20260501T120000Z\r\nDTSTART;TZID=Europe/Berlin:20270601T090000\r\n"
      + "DTEND;TZID=Europe/Berlin:20270601T100000\r\nSUMMARY:Parse\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  private static final String UTC = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\n"
      + "BEGIN:VEVENT\r\nUID:parse@bench\r\nDTSTAMP:20260501T120000Z\r\nDTSTART:20270601T070000Z\r\n"
      + "DTEND:20270601T080000Z\r\nSUMMARY:Parse\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

  private long etag;

  @Benchmark
  public Calendar hubParse() {
    return IcsParser.parseStored("\"bench-" + (etag++) + "\"", ZONED);
  }

  @Benchmark
  public Calendar ical4jDefault() throws Exception {
    return new CalendarBuilder().build(new StringReader(ZONED));
  }

  @Benchmark
  public Calendar utcEvent() {
    return IcsParser.parseStored("\"bench-" + (etag++) + "\"", UTC);
  }
}
