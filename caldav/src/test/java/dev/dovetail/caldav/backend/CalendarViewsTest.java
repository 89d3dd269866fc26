package dev.dovetail.caldav.backend;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.caldav.CalDavServerFixture;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cached calendar views: reused while the store's revisions stand still, never stale across nodes")
class CalendarViewsTest {

  private static final Pattern TOKEN = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>");
  private static final String WEEK = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
      + "<d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
      + "<c:time-range start=\"20261123T000000Z\" end=\"20261130T000000Z\"/></c:comp-filter></c:comp-filter>"
      + "</c:filter></c:calendar-query>";

  /** Counts whole-calendar reads, the cost the cache saves. */
  static final class CountingRepository extends InMemoryCalendarObjectRepository {
    final AtomicInteger loads = new AtomicInteger();

    @Override
    public Future<CalendarCollection> load(String resourceId) {
      loads.incrementAndGet();
      return super.load(resourceId);
    }

    /** The adapter's one-field read: not a whole-calendar load. */
    @Override
    public Future<Long> revision(String resourceId) {
      return super.load(resourceId).map(CalendarCollection::revision);
    }
  }

  private CountingRepository objects;
  private CalDavServerFixture dav;

  @BeforeEach
  void start() {
    objects = new CountingRepository();
    dav = new CalDavServerFixture(objects);
  }

  @AfterEach
  void stop() {
    dav.close();
  }

  private static String sync(String token) {
    return "<d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token + "</d:sync-token>"
        + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
  }

  private static String token(String body) {
    Matcher m = TOKEN.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  @DisplayName("repeated queries and syncs read no calendar document; a sync after a write on this node reads none either")
  void unchangedCalendarIsNotReloaded() {
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", ""));
    String t1 = token(dav.request("REPORT", ROOM, sync("")).body());
    int loads = objects.loads.get();
    for (int i = 0; i < 5; i++) {
      assertThat(dav.request("REPORT", ROOM, WEEK).body()).contains("a.ics");
      assertThat(dav.request("REPORT", ROOM, sync(t1)).body()).doesNotContain("<d:response>");
    }
    dav.put("b.ics", event("b@test", "20261127T090000Z", "20261127T100000Z", ""));
    var changes = dav.request("REPORT", ROOM, sync(t1)).body();
    assertThat(changes).contains("b.ics").doesNotContain("a.ics");
    assertThat(dav.request("REPORT", ROOM, WEEK).body()).contains("a.ics").contains("b.ics");
    // the PUT itself reads the calendar once inside its lock; nothing else does
    assertThat(objects.loads.get() - loads).isEqualTo(1);
  }

  @Test
  @DisplayName("a write through another node is seen at once by this node's queries and syncs")
  void otherNodesWritesAreSeen() {
    int second = dav.secondNode();
    Map<String, String> none = Map.of();
    String t1 = token(dav.requestTo(second, "REPORT", ROOM, sync(""), none).body());
    assertThat(dav.requestTo(second, "REPORT", ROOM, WEEK, none).body()).doesNotContain("a.ics");
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", ""));
    assertThat(dav.requestTo(second, "REPORT", ROOM, sync(t1), none).body()).contains("a.ics");
    assertThat(dav.requestTo(second, "REPORT", ROOM, WEEK, none).body()).contains("a.ics");
    dav.request("DELETE", ROOM + "a.ics", null);
    assertThat(dav.requestTo(second, "REPORT", ROOM, WEEK, none).body()).doesNotContain("a.ics");
  }

  @Test
  @DisplayName("a booking placed in the schedule appears in a cached calendar; a hold's event goes when the hold expires")
  void scheduleChangesAndHoldExpiry() {
    assertThat(dav.request("REPORT", ROOM, WEEK).body()).doesNotContain("booking-");
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    assertThat(dav.request("REPORT", ROOM, WEEK).body()).contains("booking-b1.ics");

    Instant expires = CalDavServerFixture.NOW.plus(Duration.ofMinutes(10));
    Booking hold = new Booking("h1", "alice", "room", dav.roomType.id(),
        TimeRange.of(Instant.parse("2026-11-27T09:00:00Z"), Duration.ofMinutes(30)), ZoneId.of("UTC"), "Hal",
        "hal@example.com", BookingStatus.HELD, expires, null, 0, CalDavServerFixture.NOW, CalDavServerFixture.NOW);
    dav.schedules.update("room", s -> s.place(List.of(Block.forBooking(hold, dav.roomType, CalDavServerFixture.NOW)),
        CalDavServerFixture.NOW)).await();
    dav.bookings.insertAll(List.of(hold)).await();
    assertThat(dav.request("REPORT", ROOM, WEEK).body()).contains("booking-h1.ics");
    dav.clock.set(expires);
    assertThat(dav.request("REPORT", ROOM, WEEK).body()).doesNotContain("booking-h1.ics").contains("booking-b1.ics");
  }
}
