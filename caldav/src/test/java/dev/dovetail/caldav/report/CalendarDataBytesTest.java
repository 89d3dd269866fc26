package dev.dovetail.caldav.report;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import dev.dovetail.caldav.dav.Ns;
import dev.dovetail.caldav.dav.Xml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("calendar-data bytes cached per object version: never another version's, calendar's or tenant's")
class CalendarDataBytesTest extends DavTestBase {

  private static final String VAN = "/dav/calendars/alice/van/";
  private static final String STUDIO = "/dav/calendars/bob/studio/";
  private static final String QUERY = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
      + "<d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\">"
      + "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261201T000000Z\" end=\"20261208T000000Z\"/>"
      + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";

  private static String meeting(String description) {
    return event("same@test", "20261202T090000Z", "20261202T100000Z", "DESCRIPTION:" + description + "\r\n");
  }

  /** The multistatus as it must read, built from each object's GET (its text and etag), escaped here. */
  private String expected(String calendar, String authorization, List<String> names) {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<d:multistatus")
        .append(Ns.DECLARATIONS).append('>');
    for (String name : names) {
      Response get = dav.request("GET", calendar + name, null, Map.of("Authorization", authorization));
      assertThat(get.status()).isEqualTo(200);
      b.append("<d:response><d:href>").append(calendar).append(name).append("</d:href><d:propstat><d:prop>")
          .append("<d:getetag>").append(Xml.escape(get.header("etag"))).append("</d:getetag><c:calendar-data>")
          .append(Xml.escape(get.body())).append("</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status>")
          .append("</d:propstat></d:response>");
    }
    return b.append("</d:multistatus>").toString();
  }

  private Response query(String calendar, String authorization) {
    Response r = dav.request("REPORT", calendar, QUERY, Map.of("Depth", "1", "Authorization", authorization));
    assertThat(r.status()).isEqualTo(207);
    return r;
  }

  @Test
  @DisplayName("the same href and UID in two calendars and two tenants: each answer carries its own text")
  void calendarsAndTenantsApart() {
    String alice = dav.basic("alice", dav.appPassword);
    String bob = dav.basic("bob", dav.accountService.issue("bob", Credential.Kind.APP_PASSWORD, "phone").await()
        .secret());
    assertThat(dav.request("MKCALENDAR", VAN, null).status()).isEqualTo(201);
    assertThat(dav.put("e.ics", meeting("room & <alice>")).status()).isEqualTo(201);
    assertThat(dav.request("PUT", VAN + "e.ics", meeting("van ü € \uD83D\uDE90"),
        Map.of("Content-Type", "text/calendar; charset=utf-8")).status()).isEqualTo(201);
    assertThat(dav.request("PUT", STUDIO + "e.ics", meeting("studio \"bob\""),
        Map.of("Content-Type", "text/calendar; charset=utf-8", "Authorization", bob)).status()).isEqualTo(201);

    for (int round = 0; round < 2; round++) { // the second round is answered from the cache
      assertThat(query(ROOM, alice).body()).isEqualTo(expected(ROOM, alice, List.of("e.ics")))
          .contains("room &amp; &lt;alice&gt;").doesNotContain("van").doesNotContain("studio");
      assertThat(query(VAN, alice).body()).isEqualTo(expected(VAN, alice, List.of("e.ics")))
          .contains("van ü € \uD83D\uDE90").doesNotContain("room").doesNotContain("studio");
      assertThat(query(STUDIO, bob).body()).isEqualTo(expected(STUDIO, bob, List.of("e.ics")))
          .contains("studio &quot;bob&quot;").doesNotContain("room").doesNotContain("van ");
    }
  }

  @Test
  @DisplayName("after a PUT the new text, after a DELETE nothing, after the old text is PUT back the old text again")
  void versionsOfOneObject() {
    String alice = dav.basic("alice", dav.appPassword);
    assertThat(dav.put("e.ics", meeting("first")).status()).isEqualTo(201);
    assertThat(dav.put("other.ics", event("other@test", "20261203T090000Z", "20261203T100000Z", "")).status())
        .isEqualTo(201);
    String first = query(ROOM, alice).body();
    assertThat(first).isEqualTo(expected(ROOM, alice, List.of("e.ics", "other.ics"))).contains("first");

    assertThat(dav.put("e.ics", meeting("second & last")).status()).isEqualTo(204);
    assertThat(query(ROOM, alice).body()).isEqualTo(expected(ROOM, alice, List.of("e.ics", "other.ics")))
        .contains("second &amp; last").doesNotContain("first");

    assertThat(dav.request("DELETE", ROOM + "e.ics", null).status()).isEqualTo(204);
    assertThat(query(ROOM, alice).body()).isEqualTo(expected(ROOM, alice, List.of("other.ics")))
        .doesNotContain("same@test");

    assertThat(dav.put("e.ics", meeting("first")).status()).isEqualTo(201);
    assertThat(query(ROOM, alice).body()).isEqualTo(first);
  }
}
