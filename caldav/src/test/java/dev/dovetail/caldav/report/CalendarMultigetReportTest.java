package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REPORT calendar-multiget (RFC 4791 7.9)")
class CalendarMultigetReportTest extends DavTestBase {

  @Test
  @DisplayName("returns etag and calendar-data per href, and a 404 response for a missing one inside the 207")
  void multiget() {
    dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", ""));
    String body = "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
        + "<d:getetag/><c:calendar-data/></d:prop><d:href>" + ROOM + "e1.ics</d:href><d:href>" + ROOM
        + "missing.ics</d:href><d:href>/dav/calendars/bob/studio/x.ics</d:href></c:calendar-multiget>";
    var r = dav.request("REPORT", ROOM, body);
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.body()).contains("<d:href>/dav/calendars/alice/room/e1.ics</d:href>")
        .contains("<c:calendar-data>BEGIN:VCALENDAR").contains("UID:e1@test")
        .contains("<d:href>/dav/calendars/alice/room/missing.ics</d:href><d:status>HTTP/1.1 404 Not Found")
        .contains("<d:href>/dav/calendars/bob/studio/x.ics</d:href><d:status>HTTP/1.1 404 Not Found");
  }

  @Test
  @DisplayName("an unknown report is 403 DAV:supported-report")
  void unknownReport() {
    var r = dav.request("REPORT", ROOM, "<x:whatever xmlns:x=\"urn:x\"/>");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("<d:supported-report/>");
  }
}
