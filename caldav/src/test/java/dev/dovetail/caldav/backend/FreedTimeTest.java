package dev.dovetail.caldav.backend;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import dev.dovetail.kernel.TimeRange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("FreedTime: CalDAV announces the time a DELETE or an edit unblocked, and only that")
class FreedTimeTest extends DavTestBase {

  private static TimeRange range(String start, String end) {
    return new TimeRange(Instant.parse(start), Instant.parse(end));
  }

  @Test
  @DisplayName("DELETE of an event announces its span on its resource")
  void deleteAnnouncesSpan() {
    dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", ""));
    assertThat(dav.freed).isEmpty();
    assertThat(dav.request("DELETE", ROOM + "e1.ics", null).status()).isEqualTo(204);
    assertThat(dav.freed).containsExactly(
        Map.entry("room", List.of(range("2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"))));
  }

  @Test
  @DisplayName("moving an event later by 30 minutes frees the first half hour; widening it frees nothing")
  void editAnnouncesOnlyWhatStoppedBeingBusy() {
    dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", ""));
    dav.put("e1.ics", event("e1@test", "20261126T093000Z", "20261126T103000Z", ""));
    assertThat(dav.freed).containsExactly(
        Map.entry("room", List.of(range("2026-11-26T09:00:00Z", "2026-11-26T09:30:00Z"))));
    dav.put("e1.ics", event("e1@test", "20261126T080000Z", "20261126T110000Z", ""));
    assertThat(dav.freed).hasSize(1);
  }

  @Test
  @DisplayName("time another event still blocks is not announced; marking an event TRANSPARENT frees all of it")
  void stillBusyTimeIsNotAnnounced() {
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", ""));
    dav.put("b.ics", event("b@test", "20261126T093000Z", "20261126T110000Z", ""));
    dav.request("DELETE", ROOM + "b.ics", null);
    assertThat(dav.freed).containsExactly(
        Map.entry("room", List.of(range("2026-11-26T10:00:00Z", "2026-11-26T11:00:00Z"))));
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z", "TRANSP:TRANSPARENT\r\n"));
    assertThat(dav.freed).last().isEqualTo(
        Map.entry("room", List.of(range("2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"))));
  }

  @Test
  @DisplayName("deleting a calendar made by MKCALENDAR announces its events' time")
  void deleteCalendarAnnounces() {
    dav.request("MKCALENDAR", "/dav/calendars/alice/van/", null);
    dav.request("PUT", "/dav/calendars/alice/van/e1.ics",
        event("e1@test", "20261126T090000Z", "20261126T100000Z", ""), Map.of("Content-Type", "text/calendar"));
    assertThat(dav.request("DELETE", "/dav/calendars/alice/van/", null).status()).isEqualTo(204);
    assertThat(dav.freed).containsExactly(
        Map.entry("van", List.of(range("2026-11-26T09:00:00Z", "2026-11-26T10:00:00Z"))));
  }
}
