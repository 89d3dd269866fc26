package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static dev.dovetail.caldav.CalDavServerFixture.ics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("REPORT calendar-query (RFC 4791 7.8) with time-range over the expanded recurrence set")
class CalendarQueryReportTest extends DavTestBase {

  private static String query(String start, String end) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/></d:prop>"
        + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
        + (start == null ? "" : "<c:time-range start=\"" + start + "\" end=\"" + end + "\"/>")
        + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  @Test
  @DisplayName("matches single events, recurring instances, moved overrides and bookings; skips EXDATEd instances")
  void timeRange() {
    dav.put("single.ics", event("single@test", "20261126T090000Z", "20261126T100000Z", ""));
    dav.put("team.ics", ics("valid/apple-weekly-berlin.ics"));
    dav.book("b1", Instant.parse("2026-11-27T09:00:00Z"), Duration.ofMinutes(30));
    assertThat(dav.request("REPORT", ROOM, query(null, null)).body())
        .contains("single.ics").contains("team.ics").contains("booking-b1.ics");
    // 2026-12-15 is an EXDATE: nothing that day
    assertThat(dav.request("REPORT", ROOM, query("20261215T000000Z", "20261216T000000Z")).body())
        .doesNotContain(".ics");
    // the 22nd moved from 17:00Z to 19:00Z
    assertThat(dav.request("REPORT", ROOM, query("20261222T170000Z", "20261222T180000Z")).body())
        .doesNotContain("team.ics");
    assertThat(dav.request("REPORT", ROOM, query("20261222T190000Z", "20261222T193000Z")).body())
        .contains("team.ics");
    // the 5th instance (2026-12-29) and only team
    assertThat(dav.request("REPORT", ROOM, query("20261229T000000Z", "20261230T000000Z")).body())
        .contains("team.ics").doesNotContain("single.ics");
    assertThat(dav.request("REPORT", ROOM, query("20261127T000000Z", "20261128T000000Z")).body())
        .contains("booking-b1.ics").doesNotContain("single.ics");
  }

  @Test
  @DisplayName("an unbounded daily rule matches a range ten years ahead without expanding forever")
  void unboundedRuleFarAhead() {
    dav.put("daily.ics", ics("valid/daily-unbounded.ics"));
    assertThat(dav.request("REPORT", ROOM, query("20361124T000000Z", "20361125T000000Z")).body())
        .contains("daily.ics");
  }

  @Test
  @DisplayName("VTODO filters match nothing; param-filter is 403 CALDAV:supported-filter; a bad range is 400")
  void unsupportedFilters() {
    dav.put("single.ics", event("single@test", "20261126T090000Z", "20261126T100000Z", ""));
    String todo = query(null, null).replace("VEVENT", "VTODO");
    assertThat(dav.request("REPORT", ROOM, todo).body()).doesNotContain(".ics");
    String param = query(null, null).replace("<c:comp-filter name=\"VEVENT\">",
        "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"ATTENDEE\"><c:param-filter name=\"PARTSTAT\"/>"
            + "</c:prop-filter>");
    var r = dav.request("REPORT", ROOM, param);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("<c:supported-filter/>");
    assertThat(dav.request("REPORT", ROOM, query("2026", "2027")).status()).isEqualTo(400);
  }

  private static String propFilter(String inner) {
    return query(null, null).replace("<c:comp-filter name=\"VEVENT\">",
        "<c:comp-filter name=\"VEVENT\">" + inner);
  }

  @Test
  @DisplayName("prop-filter: UID text-match (how clients look events up), is-not-defined, negate-condition, collations")
  void propFilters() {
    dav.put("a.ics", event("alpha@test", "20261126T090000Z", "20261126T100000Z", "LOCATION:Room 1\r\n"));
    dav.put("b.ics", event("beta@test", "20261127T090000Z", "20261127T100000Z", ""));
    assertThat(dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"UID\"><c:text-match"
        + " collation=\"i;octet\">alpha@test</c:text-match></c:prop-filter>")).body())
        .contains("a.ics").doesNotContain("b.ics");
    assertThat(dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"UID\"><c:text-match"
        + " collation=\"i;octet\">ALPHA</c:text-match></c:prop-filter>")).body()).doesNotContain(".ics");
    assertThat(dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"UID\"><c:text-match>ALPHA"
        + "</c:text-match></c:prop-filter>")).body()).contains("a.ics");
    assertThat(dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"LOCATION\"><c:is-not-defined/>"
        + "</c:prop-filter>")).body()).contains("b.ics").doesNotContain("a.ics");
    assertThat(dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"UID\"><c:text-match"
        + " negate-condition=\"yes\">alpha</c:text-match></c:prop-filter>")).body())
        .contains("b.ics").doesNotContain("a.ics");
    var unknown = dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"UID\"><c:text-match"
        + " collation=\"i;unicode-casemap\">x</c:text-match></c:prop-filter>"));
    assertThat(unknown.status()).isEqualTo(403);
    assertThat(unknown.body()).contains("<c:supported-collation/>");
  }

  @Test
  @DisplayName("calendar-data with expand returns one UTC VEVENT per instance in the range, with RECURRENCE-ID")
  void expand() {
    dav.put("team.ics", ics("valid/apple-weekly-berlin.ics"));
    String body = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
        + "<c:calendar-data><c:expand start=\"20261208T000000Z\" end=\"20261223T000000Z\"/></c:calendar-data>"
        + "</d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
        + "<c:time-range start=\"20261208T000000Z\" end=\"20261223T000000Z\"/></c:comp-filter></c:comp-filter>"
        + "</c:filter></c:calendar-query>";
    String xml = dav.request("REPORT", ROOM, body).body();
    assertThat(xml).contains("RECURRENCE-ID:20261208T170000Z").contains("DTSTART:20261208T170000Z")
        .contains("RECURRENCE-ID:20261222T170000Z").contains("DTSTART:20261222T190000Z")
        .contains("SUMMARY:Team evening (moved)")
        .doesNotContain("RRULE").doesNotContain("VTIMEZONE").doesNotContain("20261215T170000Z")
        .doesNotContain("DTSTART:20261201");
    assertThat(xml.split("BEGIN:VEVENT", -1)).hasSize(3);
  }
}
