package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REPORT free-busy-query (RFC 4791 7.10)")
class FreeBusyQueryReportTest extends DavTestBase {

  @Test
  @DisplayName("answers 200 text/calendar with a VFREEBUSY of bookings and busy events, clipped to the range")
  void freeBusy() {
    dav.book("b1", Instant.parse("2026-11-26T09:00:00Z"), Duration.ofMinutes(30));
    dav.put("e1.ics", event("e1@test", "20261126T110000Z", "20261126T120000Z", ""));
    String body = "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<c:time-range start=\"20261126T000000Z\" end=\"20261126T113000Z\"/></c:free-busy-query>";
    var r = dav.request("REPORT", ROOM, body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/calendar");
    assertThat(r.body()).contains("BEGIN:VFREEBUSY")
        .contains("FREEBUSY;FBTYPE=BUSY:20261126T090000Z/20261126T093000Z")
        .contains("FREEBUSY;FBTYPE=BUSY:20261126T110000Z/20261126T113000Z");
  }

  @Test
  @DisplayName("reports events beyond the one-year busy horizon (a day in 2031, a weekly series there), merged, and"
      + " not transparent ones")
  void wholeRangeBeyondTheBusyHorizon() {
    dav.put("far.ics", event("far@test", "20310610T090000Z", "20310610T100000Z", ""));
    dav.put("weekly.ics", event("weekly@test", "20261124T093000Z", "20261124T103000Z", "RRULE:FREQ=WEEKLY\r\n"));
    dav.put("free.ics", event("free@test", "20310610T130000Z", "20310610T140000Z", "TRANSP:TRANSPARENT\r\n"));
    String body = "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<c:time-range start=\"20310610T000000Z\" end=\"20310611T000000Z\"/></c:free-busy-query>";
    var r = dav.request("REPORT", ROOM, body);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("FREEBUSY;FBTYPE=BUSY:20310610T090000Z/20310610T103000Z")
        .doesNotContain("20310610T130000Z");
  }
}
