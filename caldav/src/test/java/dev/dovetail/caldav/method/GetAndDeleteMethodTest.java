package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GET, HEAD and DELETE of calendar objects")
class GetAndDeleteMethodTest extends DavTestBase {

  @Test
  @DisplayName("HEAD has the ETag and length but no body; GET with a matching If-None-Match is 304")
  void headAndConditionalGet() {
    String body = event("e1@test", "20261126T090000Z", "20261126T100000Z", "");
    String etag = dav.put("e1.ics", body).header("ETag");
    var head = dav.request("HEAD", ROOM + "e1.ics", null);
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("ETag")).isEqualTo(etag);
    assertThat(head.body()).isEmpty();
    assertThat(dav.request("GET", ROOM + "e1.ics", null, Map.of("If-None-Match", etag)).status()).isEqualTo(304);
    assertThat(dav.request("GET", ROOM, null).status()).isEqualTo(405);
  }

  @Test
  @DisplayName("DELETE with a stale If-Match is 412; then 204, the object is gone and its busy time freed")
  void deleteFreesBusyTime() {
    String etag = dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", "")).header("ETag");
    assertThat(dav.request("DELETE", ROOM + "e1.ics", null, Map.of("If-Match", "\"stale\"")).status())
        .isEqualTo(412);
    assertThat(dav.request("DELETE", ROOM + "e1.ics", null, Map.of("If-Match", etag)).status()).isEqualTo(204);
    assertThat(dav.request("GET", ROOM + "e1.ics", null).status()).isEqualTo(404);
    assertThat(dav.schedules.load("room").await().blocks()).isEmpty();
    assertThat(dav.request("DELETE", ROOM + "e1.ics", null).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("DELETE of a bookable resource's calendar is refused with a reason (resources are deleted in the dashboard)")
  void deleteBookableCalendarRefused() {
    var r = dav.request("DELETE", ROOM, null);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("dashboard");
  }

  @Test
  @DisplayName("a calendar made by MKCALENDAR can be deleted: its events' busy time is freed and the resource is gone")
  void deleteCalendarMadeOverCaldav() {
    assertThat(dav.request("MKCALENDAR", "/dav/calendars/alice/van/", null).status()).isEqualTo(201);
    assertThat(dav.request("PUT", "/dav/calendars/alice/van/e1.ics",
        event("e1@test", "20261126T090000Z", "20261126T100000Z", ""), Map.of("Content-Type", "text/calendar"))
        .status()).isEqualTo(201);
    assertThat(dav.schedules.load("van").await().blocks()).hasSize(1);
    assertThat(dav.request("DELETE", "/dav/calendars/alice/van/", null).status()).isEqualTo(204);
    assertThat(dav.schedules.load("van").await().blocks()).isEmpty();
    assertThat(dav.resources.findById("van").await()).isEmpty();
    assertThat(dav.request("PROPFIND", "/dav/calendars/alice/van/", null, Map.of("Depth", "0")).status())
        .isEqualTo(404);
  }
}
