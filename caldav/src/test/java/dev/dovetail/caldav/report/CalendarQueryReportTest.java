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
  @DisplayName("VTODO filters match nothing; a time-range inside prop-filter is 403 CALDAV:supported-filter; a bad"
      + " range is 400")
  void unsupportedFilters() {
    dav.put("single.ics", event("single@test", "20261126T090000Z", "20261126T100000Z", ""));
    String todo = query(null, null).replace("VEVENT", "VTODO");
    assertThat(dav.request("REPORT", ROOM, todo).body()).doesNotContain(".ics");
    String timeInProp = query(null, null).replace("<c:comp-filter name=\"VEVENT\">",
        "<c:comp-filter name=\"VEVENT\"><c:prop-filter name=\"DTSTAMP\"><c:time-range start=\"20261101T000000Z\"/>"
            + "</c:prop-filter>");
    var r = dav.request("REPORT", ROOM, timeInProp);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("<c:supported-filter/>");
    assertThat(dav.request("REPORT", ROOM, query("2026", "2027")).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("param-filter (9.7.3): an attendee's PARTSTAT by text-match, a parameter that is not defined, and"
      + " a property with no parameter of that name")
  void paramFilters() {
    dav.put("a.ics", event("a@test", "20261126T090000Z", "20261126T100000Z",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Ada:mailto:ada@example.com\r\n"));
    dav.put("b.ics", event("b@test", "20261127T090000Z", "20261127T100000Z",
        "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:bob@example.com\r\n"));
    dav.put("c.ics", event("c@test", "20261128T090000Z", "20261128T100000Z", ""));
    String accepted = propFilter("<c:prop-filter name=\"ATTENDEE\"><c:param-filter name=\"PARTSTAT\">"
        + "<c:text-match collation=\"i;ascii-casemap\">accepted</c:text-match></c:param-filter></c:prop-filter>");
    assertThat(dav.request("REPORT", ROOM, accepted).body()).contains("a.ics").doesNotContain("b.ics")
        .doesNotContain("c.ics");
    String noName = propFilter("<c:prop-filter name=\"ATTENDEE\"><c:param-filter name=\"CN\"><c:is-not-defined/>"
        + "</c:param-filter></c:prop-filter>");
    assertThat(dav.request("REPORT", ROOM, noName).body()).contains("b.ics").doesNotContain("a.ics")
        .doesNotContain("c.ics");
    String notAccepted = propFilter("<c:prop-filter name=\"ATTENDEE\"><c:param-filter name=\"PARTSTAT\">"
        + "<c:text-match negate-condition=\"yes\">ACCEPTED</c:text-match></c:param-filter></c:prop-filter>");
    assertThat(dav.request("REPORT", ROOM, notAccepted).body()).contains("b.ics").doesNotContain("a.ics");
    var badCollation = dav.request("REPORT", ROOM, propFilter("<c:prop-filter name=\"ATTENDEE\"><c:param-filter"
        + " name=\"PARTSTAT\"><c:text-match collation=\"i;unicode-casemap\">x</c:text-match></c:param-filter>"
        + "</c:prop-filter>"));
    assertThat(badCollation.status()).isEqualTo(403);
  }

  private static String withData(String calendarData) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/>"
        + calendarData + "</d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\"/>"
        + "</c:comp-filter></c:filter></c:calendar-query>";
  }

  @Test
  @DisplayName("calendar-data comp/prop (9.6.1-9.6.4): only the named components and properties, novalue empties"
      + " a value, allprop keeps all, an empty comp keeps the component whole")
  void partialRetrieval() {
    dav.put("team.ics", ics("valid/apple-weekly-berlin.ics"));
    String xml = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:comp name=\"VCALENDAR\">"
        + "<c:prop name=\"VERSION\"/><c:comp name=\"VEVENT\"><c:prop name=\"SUMMARY\"/><c:prop name=\"UID\"/>"
        + "<c:prop name=\"DTSTART\"/><c:prop name=\"DESCRIPTION\"/><c:prop name=\"DTSTAMP\" novalue=\"yes\"/>"
        + "</c:comp></c:comp></c:calendar-data>")).body();
    assertThat(xml).contains("VERSION:2.0").contains("SUMMARY:Team evening").contains("UID:weekly-team@example.com")
        .contains("DTSTART;TZID=Europe/Berlin:20261201T180000").contains("DTSTAMP:\r\n")
        .doesNotContain("PRODID").doesNotContain("RRULE").doesNotContain("DTEND").doesNotContain("VTIMEZONE")
        .doesNotContain("20261101T100000Z");
    assertThat(xml.split("BEGIN:VEVENT", -1)).hasSize(3);
    String zones = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:comp name=\"VCALENDAR\"><c:allprop/>"
        + "<c:comp name=\"VTIMEZONE\"/></c:comp></c:calendar-data>")).body();
    assertThat(zones).contains("PRODID:-//Apple Inc.//macOS 14.0//EN").contains("BEGIN:DAYLIGHT")
        .contains("TZOFFSETTO:+0100").doesNotContain("BEGIN:VEVENT");
    var bad = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:comp name=\"VEVENT\"/></c:calendar-data>"));
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  @DisplayName("calendar-data limit-recurrence-set (9.6.6): the master and only the overrides touching the range")
  void limitRecurrenceSet() {
    dav.put("team.ics", ics("valid/apple-weekly-berlin.ics"));
    String outside = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:limit-recurrence-set"
        + " start=\"20261201T000000Z\" end=\"20261210T000000Z\"/></c:calendar-data>")).body();
    assertThat(outside).contains("RRULE:FREQ=WEEKLY;COUNT=6").doesNotContain("RECURRENCE-ID")
        .doesNotContain("(moved)").contains("BEGIN:VTIMEZONE");
    String inside = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:limit-recurrence-set"
        + " start=\"20261222T000000Z\" end=\"20261223T000000Z\"/></c:calendar-data>")).body();
    assertThat(inside).contains("RRULE:FREQ=WEEKLY;COUNT=6").contains("RECURRENCE-ID;TZID=Europe/Berlin:20261222T180000")
        .contains("SUMMARY:Team evening (moved)");
    var both = dav.request("REPORT", ROOM, withData("<c:calendar-data><c:limit-recurrence-set"
        + " start=\"20261222T000000Z\" end=\"20261223T000000Z\"/><c:expand start=\"20261222T000000Z\""
        + " end=\"20261223T000000Z\"/></c:calendar-data>"));
    assertThat(both.status()).isEqualTo(400);
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
