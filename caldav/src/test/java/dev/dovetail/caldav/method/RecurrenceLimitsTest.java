package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Recurrence limits: what a PUT may hold and what a query may ask for (issue 14, attack 1)")
class RecurrenceLimitsTest extends DavTestBase {

  private static String hourly(String rule) {
    return event("r@test", "20261124T090000Z", "20261124T090100Z", "RRULE:" + rule + "\r\n");
  }

  private static String query(String timeRange, String calendarData) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/>"
        + calendarData + "</d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
        + timeRange + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  private void assertNothingStored() {
    assertThat(dav.request("GET", ROOM + "r.ics", null).status()).isEqualTo(404);
    assertThat(dav.schedules.load("room").await().blocks()).isEmpty();
  }

  @ParameterizedTest(name = "{0} → 403 {1}")
  @DisplayName("rules over a limit are 403 with the precondition that names it, and nothing is stored")
  @CsvSource(delimiter = '|', value = {
      "FREQ=HOURLY;COUNT=200000000 | max-instances",
      "FREQ=DAILY;COUNT=5001 | max-instances",
      "FREQ=HOURLY;BYMINUTE=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30"
          + ",31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59 "
          + "| valid-calendar-data",
      "FREQ=HOURLY;BYMINUTE=0,30 | valid-calendar-data",
      "FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23;BYMINUTE=0,30"
          + " | valid-calendar-data",
      "FREQ=MINUTELY;INTERVAL=60 | valid-calendar-data",
      "FREQ=YEARLY;INTERVAL=1001 | valid-calendar-data"
  })
  void rulesOverALimitAreRefused(String rule, String precondition) {
    Response put = dav.put("r.ics", hourly(rule));
    assertThat(put.status()).as(put.body()).isEqualTo(403);
    assertThat(put.body()).contains("<c:" + precondition + "/>");
    assertNothingStored();
  }

  @Test
  @DisplayName("a BYxxx list over 60 values is refused; hourly, a COUNT of 5000 and 24 a day are accepted")
  void limitsAreInclusive() {
    String days = IntStream.rangeClosed(1, 61).mapToObj(d -> String.valueOf((d % 366) + 1))
        .collect(Collectors.joining(","));
    assertThat(dav.put("r.ics", hourly("FREQ=YEARLY;BYYEARDAY=" + days)).status()).isEqualTo(403);
    assertThat(dav.put("a.ics", hourly("FREQ=HOURLY").replace("r@test", "a@test")).status()).isEqualTo(201);
    assertThat(dav.put("b.ics", event("b@test", "20261124T090000Z", "20261124T090100Z",
        "TRANSP:TRANSPARENT\r\nRRULE:FREQ=DAILY;COUNT=5000\r\n")).status()).isEqualTo(201);
    assertThat(dav.put("c.ics", event("c@test", "20261124T090000Z", "20261124T090100Z",
        "TRANSP:TRANSPARENT\r\nRRULE:FREQ=DAILY;BYHOUR=1,2,3,4,5,6,7,8,9,10,11,12;BYMINUTE=0,30\r\n")).status())
        .isEqualTo(201);
  }

  @Test
  @DisplayName("dates before 1900 are 403 CALDAV:min-date-time, after 2200 403 CALDAV:max-date-time")
  void dateFloorAndCeiling() {
    Response old = dav.put("r.ics", event("r@test", "00010101T000000Z", "00010101T010000Z",
        "RRULE:FREQ=DAILY;COUNT=10\r\n"));
    assertThat(old.status()).isEqualTo(403);
    assertThat(old.body()).contains("<c:min-date-time/>");
    Response far = dav.put("r.ics", event("r@test", "99990101T000000Z", "99990101T010000Z", ""));
    assertThat(far.status()).isEqualTo(403);
    assertThat(far.body()).contains("<c:max-date-time/>");
    Response rdate = dav.put("r.ics", event("r@test", "20261124T090000Z", "20261124T100000Z",
        "RDATE:18000101T090000Z\r\n"));
    assertThat(rdate.status()).isEqualTo(403);
    assertNothingStored();
  }

  @Test
  @DisplayName("a never-ending hourly rule asked about in 9999 (time-range and expand) answers 207 with nothing;"
      + " in 2199 it is found")
  void farTimeRangesAreClampedNotWalked() {
    assertThat(dav.put("r.ics", hourly("FREQ=HOURLY")).status()).isEqualTo(201);
    Response far = dav.request("REPORT", ROOM,
        query("<c:time-range start=\"99990101T000000Z\" end=\"99990102T000000Z\"/>", ""));
    assertThat(far.status()).isEqualTo(207);
    assertThat(far.body()).doesNotContain("r.ics");
    Response expand = dav.request("REPORT", ROOM, query("",
        "<c:calendar-data><c:expand start=\"99990101T000000Z\" end=\"99991231T000000Z\"/></c:calendar-data>"));
    assertThat(expand.status()).isEqualTo(207);
    assertThat(expand.body()).doesNotContain("BEGIN:VEVENT");
    Response late = dav.request("REPORT", ROOM,
        query("<c:time-range start=\"21991231T050000Z\" end=\"21991231T060000Z\"/>", ""));
    assertThat(late.body()).contains("r.ics");
  }

  @Test
  @DisplayName("expand over the whole span gives at most 1000 instances of an hourly rule, starting in the window")
  void expandOverTheWholeSpanIsCapped() {
    assertThat(dav.put("r.ics", hourly("FREQ=HOURLY")).status()).isEqualTo(201);
    Response r = dav.request("REPORT", ROOM, query("",
        "<c:calendar-data><c:expand start=\"21000101T000000Z\" end=\"22000101T000000Z\"/></c:calendar-data>"));
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.body().split("BEGIN:VEVENT", -1)).hasSize(1001);
    assertThat(r.body()).contains("DTSTART:21000101T000000Z").doesNotContain("DTSTART:2099");
  }

  @Test
  @DisplayName("an expand answer over 10,000 instances in all is 403 DAV:number-of-matches-within-limits")
  void expandedInstancesAreBoundedPerResponse() {
    for (int i = 0; i < 11; i++) {
      String ics = event("h" + i + "@test", "20261124T09" + String.format("%02d", i) + "00Z",
          "20261124T09" + String.format("%02d", i) + "30Z", "TRANSP:TRANSPARENT\r\nRRULE:FREQ=HOURLY\r\n");
      assertThat(dav.put("h" + i + ".ics", ics).status()).isEqualTo(201);
    }
    Response r = dav.request("REPORT", ROOM, query("",
        "<c:calendar-data><c:expand start=\"21000101T000000Z\" end=\"22000101T000000Z\"/></c:calendar-data>"));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body()).contains("<d:number-of-matches-within-limits/>");
  }

  @Test
  @DisplayName("CALDAV:max-instances is advertised on calendars")
  void maxInstancesIsAdvertised() {
    Response r = dav.request("PROPFIND", ROOM, propfind("<c:max-instances/><c:min-date-time/>"),
        java.util.Map.of("Depth", "0"));
    assertThat(r.body()).contains("<c:max-instances>5000</c:max-instances>")
        .contains("<c:min-date-time>19000101T000000Z</c:min-date-time>");
  }
}
