package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.ics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The .ics corpus under {@code src/test/resources/ics/}: hand-written files in the shapes that Apple Calendar,
 * Google, Outlook/Exchange (Windows zone names) and Thunderbird export, recurring series with overrides (EXDATE,
 * RDATE, RECURRENCE-ID, RANGE=THISANDFUTURE, a cancelled instance), and broken files.
 */
@DisplayName("The .ics corpus: every valid file is stored byte for byte and found by time; every broken one is refused"
    + " with nothing stored")
class IcsCorpusTest extends DavTestBase {

  private static String query(String start, String end) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/></d:prop>"
        + "<c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\"><c:time-range start=\"" + start
        + "\" end=\"" + end + "\"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("valid: PUT 201, GET returns the same bytes and ETag, multiget finds it, a time range with an instance"
      + " matches it and one without does not")
  @CsvSource({
      // file, a range holding an instance (UTC), a range holding none
      "clients/apple-alarm-attendees.ics, 20270112T093000Z, 20270112T094500Z, 20270112T103000Z, 20270112T110000Z",
      // 09:00 New York is 14:00Z before 2027-03-14 and 13:00Z after; the 15th is an EXDATE; the 22nd moved to 10:00
      "clients/google-recurring-new-york.ics, 20270301T140000Z, 20270301T141500Z, 20270315T130000Z, 20270315T133000Z",
      "clients/google-recurring-new-york.ics, 20270322T140000Z, 20270322T141500Z, 20270322T130000Z, 20270322T133000Z",
      "clients/google-recurring-new-york.ics, 20270405T130000Z, 20270405T131500Z, 20270503T130000Z, 20270503T133000Z",
      // second Thursday of the month, 10:00 Pacific (18:00Z in winter, 17:00Z in summer)
      "clients/outlook-pacific-recurring.ics, 20270114T180000Z, 20270114T183000Z, 20270121T180000Z, 20270121T190000Z",
      "clients/outlook-pacific-recurring.ics, 20270610T170000Z, 20270610T173000Z, 20270610T180000Z, 20270610T190000Z",
      // daily for five days from 2027-02-01 09:00 Berlin, without the 3rd
      "clients/thunderbird-lightning.ics, 20270205T080000Z, 20270205T081500Z, 20270203T080000Z, 20270203T090000Z",
      // weekly on Mondays 07:00Z, the 10th excluded, RDATEs on the 20th and 27th, later by an hour from the 24th on,
      // the 7th of June cancelled
      "clients/series-thisandfuture-rdate.ics, 20270520T150000Z, 20270520T153000Z, 20270510T070000Z, 20270510T080000Z",
      "clients/series-thisandfuture-rdate.ics, 20270524T080000Z, 20270524T083000Z, 20270607T070000Z, 20270607T080000Z",
      // all-day dates are read in the resource's zone (Berlin): 5 to 9 July
      "clients/all-day-multi-day.ics, 20270707T000000Z, 20270707T010000Z, 20270710T000000Z, 20270711T000000Z",
      "valid/apple-weekly-berlin.ics, 20261208T170000Z, 20261208T173000Z, 20261215T170000Z, 20261215T180000Z",
      "valid/outlook-windows-tzid.ics, 20261202T130000Z, 20261202T133000Z, 20261202T120000Z, 20261202T123000Z",
      "valid/all-day.ics, 20261224T000000Z, 20261224T010000Z, 20261226T000000Z, 20261227T000000Z",
      "valid/daily-unbounded.ics, 20300101T060000Z, 20300101T061500Z, 20261124T000000Z, 20261124T050000Z",
      "valid/google-transparent.ics, 20261125T090000Z, 20261125T091500Z, 20261124T000000Z, 20261124T050000Z"
  })
  void validFilesRoundTrip(String file, String hitStart, String hitEnd, String missStart, String missEnd) {
    String body = ics(file);
    String name = file.substring(file.indexOf('/') + 1);
    var put = dav.put(name, body);
    assertThat(put.status()).as(put.body()).isEqualTo(201);
    var get = dav.request("GET", ROOM + name, null);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(body);
    assertThat(get.header("ETag")).isEqualTo(put.header("ETag"));
    String multiget = "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
        + "<d:getetag/></d:prop><d:href>" + ROOM + name + "</d:href></c:calendar-multiget>";
    assertThat(dav.request("REPORT", ROOM, multiget).body()).contains(put.header("ETag").replace("\"", "&quot;"));
    assertThat(dav.request("REPORT", ROOM, query(hitStart, hitEnd)).body()).as("instance in range").contains(name);
    assertThat(dav.request("REPORT", ROOM, query(missStart, missEnd)).body()).as("no instance in range")
        .doesNotContain(name);
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("broken or unsupported: refused with the RFC 4791 precondition; nothing stored, no time blocked, the"
      + " sync token does not move")
  @CsvSource({
      "missing-end.ics, 400, valid-calendar-data",
      "broken.ics, 400, valid-calendar-data",
      "bad-dtstart.ics, 400, valid-calendar-data",
      "no-dtstart.ics, 400, valid-calendar-data",
      "no-uid.ics, 400, valid-calendar-data",
      "two-uids.ics, 400, valid-calendar-data",
      "unknown-tzid.ics, 400, valid-calendar-data",
      "secondly.ics, 403, valid-calendar-data",
      "huge-line.ics, 400, valid-calendar-data",
      "binary-junk.ics, 400, valid-calendar-data",
      "vtodo.ics, 403, supported-calendar-component"
  })
  void invalidFilesAreRefused(String file, int status, String precondition) {
    String token = syncToken();
    var put = dav.request("PUT", ROOM + file, ics("invalid/" + file),
        Map.of("Content-Type", "text/calendar; charset=utf-8"));
    assertThat(put.status()).as(put.body()).isEqualTo(status);
    assertThat(put.body()).contains("<c:" + precondition + "/>");
    assertThat(dav.request("GET", ROOM + file, null).status()).isEqualTo(404);
    assertThat(dav.schedules.load("room").await().blocks()).isEmpty();
    assertThat(syncToken()).isEqualTo(token);
  }

  private String syncToken() {
    String body = dav.request("PROPFIND", ROOM, propfind("<d:sync-token/>"), Map.of("Depth", "0")).body();
    return body.replaceAll("(?s).*<d:sync-token>([^<]*)</d:sync-token>.*", "$1");
  }
}
