package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static dev.dovetail.caldav.CalDavServerFixture.ics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.caldav.CalDavServerFixture;
import dev.dovetail.caldav.CalDavServerFixture.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@DisplayName("PUT: calendar objects, ETags, preconditions, busy time")
class PutMethodTest {

  private CalDavServerFixture dav;

  @BeforeEach
  void start() {
    dav = new CalDavServerFixture();
  }

  @AfterEach
  void stop() {
    dav.close();
  }

  private long busyBlocks() {
    return dav.schedules.load("room").await().blocks().stream().filter(b -> b.kind() == Block.Kind.BUSY).count();
  }

  @Test
  @DisplayName("a new event is 201 with a strong ETag, GET returns it byte for byte, and it blocks its time")
  void putCreatesObjectAndBlocksTime() {
    String body = event("e1@test", "20261126T090000Z", "20261126T100000Z", "");
    Response put = dav.put("e1.ics", body);
    assertThat(put.status()).isEqualTo(201);
    assertThat(put.header("ETag")).matches("\"[0-9a-f]{32}\"");
    Response get = dav.request("GET", ROOM + "e1.ics", null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(body);
    assertThat(get.header("ETag")).isEqualTo(put.header("ETag"));
    assertThat(dav.schedules.load("room").await().blocks()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo(Block.Kind.BUSY);
      assertThat(b.span().start()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    });
  }

  @Test
  @DisplayName("If-None-Match: * on an existing object and a stale If-Match are 412; a matching If-Match is 204")
  void conditionalWrites() {
    String etag = dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", "")).header("ETag");
    String v2 = event("e1@test", "20261126T110000Z", "20261126T120000Z", "");
    assertThat(dav.request("PUT", ROOM + "e1.ics", v2, Map.of("If-None-Match", "*")).status()).isEqualTo(412);
    assertThat(dav.request("PUT", ROOM + "e1.ics", v2, Map.of("If-Match", "\"stale\"")).status()).isEqualTo(412);
    assertThat(dav.request("PUT", ROOM + "e2.ics", v2.replace("e1@", "e2@"), Map.of("If-Match", etag)).status())
        .isEqualTo(412);
    Response ok = dav.request("PUT", ROOM + "e1.ics", v2, Map.of("If-Match", etag));
    assertThat(ok.status()).isEqualTo(204);
    assertThat(ok.header("ETag")).isNotEqualTo(etag);
    assertThat(dav.schedules.load("room").await().blocks()).singleElement()
        .satisfies(b -> assertThat(b.span().start()).isEqualTo(Instant.parse("2026-11-26T11:00:00Z")));
  }

  @Test
  @DisplayName("an event overlapping a booking is 403 dovetail:no-booking-overlap with a reason, and nothing is stored")
  void overlapWithBookingIsRefused() {
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    Response put = dav.put("e1.ics", event("e1@test", "20261126T091500Z", "20261126T100000Z", ""));
    assertThat(put.status()).isEqualTo(403);
    assertThat(put.body()).contains("<dt:no-booking-overlap/>").contains("overlaps a booking");
    assertThat(dav.request("GET", ROOM + "e1.ics", null).status()).isEqualTo(404);
    assertThat(busyBlocks()).isZero();
  }

  @Test
  @DisplayName("a TRANSP:TRANSPARENT event is stored but blocks nothing, even over a booking")
  void transparentEventBlocksNothing() {
    dav.book("b1", Instant.parse("2026-11-25T09:00:00Z"), Duration.ofMinutes(30));
    assertThat(dav.put("free.ics", ics("valid/google-transparent.ics")).status()).isEqualTo(201);
    assertThat(busyBlocks()).isZero();
  }

  @Test
  @DisplayName("busy events may overlap each other")
  void busyEventsMayOverlap() {
    assertThat(dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", "")).status()).isEqualTo(201);
    assertThat(dav.put("b.ics", event("b@test", "20261126T093000Z", "20261126T103000Z", "")).status()).isEqualTo(201);
    assertThat(busyBlocks()).isEqualTo(2);
  }

  @Test
  @DisplayName("a weekly Apple series with VTIMEZONE, EXDATE and a moved instance blocks exactly its instances")
  void recurringSeriesBlocksItsInstances() {
    assertThat(dav.put("team.ics", ics("valid/apple-weekly-berlin.ics")).status()).isEqualTo(201);
    assertThat(dav.schedules.load("room").await().blocks()).extracting(b -> b.span().start()).containsExactly(
        Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-08T17:00:00Z"),
        Instant.parse("2026-12-22T19:00:00Z"), Instant.parse("2026-12-29T17:00:00Z"),
        Instant.parse("2027-01-05T17:00:00Z"));
  }

  @Test
  @Timeout(20)
  @DisplayName("an unbounded daily RRULE is bounded (one year ahead, at most 1000 instances) and answers quickly")
  void unboundedRuleIsBounded() {
    assertThat(dav.put("daily.ics", ics("valid/daily-unbounded.ics")).status()).isEqualTo(201);
    assertThat(busyBlocks()).isBetween(360L, 367L);
  }

  @Test
  @DisplayName("malformed iCalendar, a missing UID or two UIDs are 400 CALDAV:valid-calendar-data; nothing stored")
  void invalidCalendarData() {
    for (String f : new String[] {"invalid/broken.ics", "invalid/no-uid.ics", "invalid/two-uids.ics"}) {
      Response r = dav.put("x.ics", ics(f));
      assertThat(r.status()).as(f).isEqualTo(400);
      assertThat(r.body()).as(f).contains("<c:valid-calendar-data/>");
    }
    assertThat(dav.request("GET", ROOM + "x.ics", null).status()).isEqualTo(404);
    assertThat(busyBlocks()).isZero();
  }

  @Test
  @DisplayName("a VTODO is 403 CALDAV:supported-calendar-component; a non-calendar body is 403 supported-calendar-data")
  void unsupportedComponentAndType() {
    Response todo = dav.put("t.ics", ics("invalid/vtodo.ics"));
    assertThat(todo.status()).isEqualTo(403);
    assertThat(todo.body()).contains("<c:supported-calendar-component/>");
    Response json = dav.request("PUT", ROOM + "j.ics", "{}", Map.of("Content-Type", "application/json"));
    assertThat(json.status()).isEqualTo(403);
    assertThat(json.body()).contains("<c:supported-calendar-data/>");
  }

  @Test
  @DisplayName("the same UID under a second name is 403 CALDAV:no-uid-conflict naming the first object")
  void uidConflict() {
    dav.put("a.ics", event("same@test", "20261126T090000Z", "20261126T100000Z", ""));
    Response r = dav.put("b.ics", event("same@test", "20261127T090000Z", "20261127T100000Z", ""));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("<c:no-uid-conflict><d:href>/dav/calendars/alice/room/a.ics</d:href>");
  }

  @Test
  @DisplayName("a booking's event is read-only: PUT and DELETE are 403 dovetail:booking-is-read-only")
  void bookingsAreReadOnly() {
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    String href = ROOM + "booking-b1.ics";
    Response get = dav.request("GET", href, null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).contains("UID:b1@dovetail").contains("DTSTART:20261126T090000Z");
    Response put = dav.put("booking-b1.ics", event("b1@dovetail", "20261126T120000Z", "20261126T130000Z", ""));
    assertThat(put.status()).isEqualTo(403);
    assertThat(put.body()).contains("<dt:booking-is-read-only/>");
    Response squat = dav.put("mine.ics", event("b2@dovetail", "20261126T120000Z", "20261126T130000Z", ""));
    assertThat(squat.status()).isEqualTo(403);
    assertThat(dav.put("booking-b9.ics", event("b9@test", "20261126T120000Z", "20261126T130000Z", "")).status())
        .isEqualTo(403);
    Response delete = dav.request("DELETE", href, null);
    assertThat(delete.status()).isEqualTo(403);
    assertThat(dav.request("GET", href, null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("an all-day Outlook event blocks the whole day in the resource's zone")
  void allDayEvent() {
    assertThat(dav.put("closed.ics", ics("valid/all-day.ics")).status()).isEqualTo(201);
    assertThat(dav.schedules.load("room").await().blocks()).singleElement().satisfies(b -> {
      assertThat(b.span().start()).isEqualTo(Instant.parse("2026-12-23T23:00:00Z"));
      assertThat(b.span().end()).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
    });
  }

  @Test
  @DisplayName("an Outlook event with a Windows TZID and its VTIMEZONE blocks the right instant (CET, UTC+1)")
  void outlookWindowsZone() {
    assertThat(dav.put("outlook.ics", ics("valid/outlook-windows-tzid.ics")).status()).isEqualTo(201);
    assertThat(dav.schedules.load("room").await().blocks()).singleElement()
        .satisfies(b -> assertThat(b.span().start()).isEqualTo(Instant.parse("2026-12-02T13:00:00Z")));
  }

  @Test
  @DisplayName("a TZID that is neither defined by a VTIMEZONE nor known is 400 CALDAV:valid-calendar-data")
  void unknownZoneIsRefused() {
    Response r = dav.put("mars.ics", ics("invalid/unknown-tzid.ics"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<c:valid-calendar-data/>");
    assertThat(busyBlocks()).isZero();
  }
}
