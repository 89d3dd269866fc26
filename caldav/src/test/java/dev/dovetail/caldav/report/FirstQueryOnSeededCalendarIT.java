package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture;
import dev.dovetail.caldav.backend.IcalObjectTimes;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, ADR 70: a calendar written through the store behind the server's back (a restore, a migration, another
 * node, a load driver), never queried on this node, answers its first time-range queries; its index is built once,
 * outside the asking requests' budgets, however many ask at once.
 */
@DisplayName("First query on a calendar seeded through the store: answered, and its index built once")
class FirstQueryOnSeededCalendarIT {

  private static final int EVENTS = 3_000;
  private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final String WEEK = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
      + "<d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\">"
      + "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261123T000000Z\" end=\"20261130T000000Z\"/>"
      + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  private static final Pattern HREF = Pattern.compile("<d:href>([^<]+)</d:href>");

  /** The iCalendar engine, counting the objects it is asked to index (one per object per index build). */
  private static final class CountingTimes implements ObjectTimes {
    final AtomicInteger indexed = new AtomicInteger();
    private final ObjectTimes engine = new IcalObjectTimes();

    @Override
    public Indexed indexed(CalendarObject object, ZoneId floating, Instant now) {
      indexed.incrementAndGet();
      return engine.indexed(object, floating, now);
    }

    @Override
    public boolean overlaps(CalendarObject object, ZoneId floating, Instant from, Instant to, Runnable checkpoint) {
      return engine.overlaps(object, floating, from, to, checkpoint);
    }

    @Override
    public List<TimeRange> busy(CalendarObject object, ZoneId floating, Instant from, Instant to,
        Runnable checkpoint) {
      return engine.busy(object, floating, from, to, checkpoint);
    }

    @Override
    public List<TimeRange> blocking(CalendarObject object, ZoneId floating, Instant now) {
      return engine.blocking(object, floating, now);
    }
  }

  private final CountingTimes times = new CountingTimes();
  private CalDavServerFixture dav;
  /** What the week 2026-11-23 to 2026-11-30 holds, by the rule the events were generated with. */
  private Set<String> expected;

  @BeforeEach
  void seedBehindTheServersBack() {
    dav = new CalDavServerFixture(new InMemoryCalendarObjectRepository(), times);
    // a run-unique marker in every object, so no earlier test in this JVM has expanded these object versions
    String run = Long.toHexString(System.identityHashCode(this)) + Long.toHexString(System.nanoTime());
    List<CalendarObject> objects = new ArrayList<>();
    expected = new TreeSet<>();
    for (int i = 0; i < EVENTS; i++) {
      String name = "seeded-" + i + ".ics";
      objects.add(CalendarObject.of(name, "seeded-" + i + "-" + run, ics(i, run), false).atSequence(i + 1));
      if (i % 10 == 0 || inQueriedWeek(i % 900)) {
        expected.add(ROOM + name);
      }
    }
    dav.objects.update("room", c -> new CalendarCollection("room", c.revision(), EVENTS, Map.of(), objects,
        List.of(), 0)).await();
  }

  @AfterEach
  void stop() {
    dav.close();
  }

  /** Every tenth a weekly series running through the queried week; the others one half-hour on day {@code i % 900}. */
  private static String ics(int i, String run) {
    if (i % 10 == 0) {
      LocalDate first = LocalDate.of(2025, 1, 6).plusDays(i / 10 % 7);
      return event("seeded-" + i + "-" + run, at(first, 8), at(first, 9), "RRULE:FREQ=WEEKLY;COUNT=200\r\n");
    }
    LocalDate day = FIRST_DAY.plusDays(i % 900);
    return event("seeded-" + i + "-" + run, at(day, 10), at(day, 10).replace("T1000", "T1030"), "");
  }

  private static String at(LocalDate day, int hour) {
    return UTC.format(day.atTime(hour, 0).atOffset(ZoneOffset.UTC));
  }

  private static boolean inQueriedWeek(int dayOfSeries) {
    LocalDate day = FIRST_DAY.plusDays(dayOfSeries);
    return !day.isBefore(LocalDate.of(2026, 11, 23)) && day.isBefore(LocalDate.of(2026, 11, 30));
  }

  private static Set<String> hrefs(String multistatus) {
    Set<String> found = new TreeSet<>();
    Matcher m = HREF.matcher(multistatus);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private CalDavServerFixture.Response weekQuery() {
    return dav.request("REPORT", ROOM, WEEK, Map.of("Depth", "1"));
  }

  @Test
  @DisplayName("the first one-week query on 3,000 seeded events answers 207 with the week's objects; the calendar was"
      + " indexed once, and the next query builds nothing")
  void firstQueryIsAnswered() {
    CalDavServerFixture.Response first = weekQuery();

    assertThat(first.status()).as(first.body()).isEqualTo(207);
    assertThat(hrefs(first.body())).isEqualTo(expected).hasSize(300 + 18);
    assertThat(times.indexed.get()).isEqualTo(EVENTS);
    assertThat(hrefs(weekQuery().body())).isEqualTo(expected);
    assertThat(times.indexed.get()).isEqualTo(EVENTS);
  }

  @Test
  @DisplayName("8 concurrent first queries all answer 207 with the same objects, and the calendar is indexed once")
  void concurrentFirstQueriesShareOneBuild() {
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<CalDavServerFixture.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(CompletableFuture.supplyAsync(this::weekQuery, clients));
      }
      for (CompletableFuture<CalDavServerFixture.Response> answer : answers) {
        CalDavServerFixture.Response r = answer.join();
        assertThat(r.status()).as(r.body()).isEqualTo(207);
        assertThat(hrefs(r.body())).isEqualTo(expected);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(times.indexed.get()).as("objects indexed by all 8 queries together").isEqualTo(EVENTS);
  }
}
