package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PROPFIND: Depth 0 and 1, allprop, propname, prop")
class PropfindMethodTest extends DavTestBase {

  @Test
  @DisplayName("Depth 1 on the home lists one calendar per resource of this provider only")
  void homeListsCalendars() {
    Response r = dav.request("PROPFIND", "/dav/calendars/alice/",
        propfind("<d:resourcetype/><d:displayname/><cs:getctag/>"), Map.of("Depth", "1"));
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.header("Content-Type")).startsWith("application/xml");
    assertThat(r.body()).contains("<d:href>/dav/calendars/alice/</d:href>")
        .contains("<d:href>/dav/calendars/alice/room/</d:href>")
        .contains("<d:resourcetype><d:collection/><c:calendar/></d:resourcetype>")
        .contains("<d:displayname>Room room</d:displayname>")
        .doesNotContain("studio");
  }

  @Test
  @DisplayName("calendar properties: component set, report set, sync-token, ctag, owner; unknown ones under 404")
  void calendarProperties() {
    Response r = dav.request("PROPFIND", ROOM, propfind("<c:supported-calendar-component-set/>"
        + "<d:supported-report-set/><d:sync-token/><cs:getctag/><d:owner/><x:nope xmlns:x=\"urn:x\"/>"),
        Map.of("Depth", "0"));
    assertThat(r.body()).contains("<c:comp name=\"VEVENT\"/>")
        .contains("<c:calendar-multiget/>").contains("<d:sync-collection/>")
        .contains("<d:sync-token>https://dovetail.dev/ns/sync/0</d:sync-token>")
        .contains("<cs:getctag>\"0\"</cs:getctag>")
        .contains("<d:owner><d:href>/dav/principals/alice/</d:href></d:owner>")
        .contains("<x:nope xmlns:x=\"urn:x\"/>").contains("HTTP/1.1 404 Not Found");
  }

  @Test
  @DisplayName("Depth 1 on a calendar lists its objects with getetag and getcontenttype; the ctag moves on a write")
  void calendarMembers() {
    String etag = dav.put("e1.ics", event("e1@test", "20261126T090000Z", "20261126T100000Z", "")).header("ETag");
    Response r = dav.request("PROPFIND", ROOM, propfind("<d:getetag/><d:getcontenttype/><cs:getctag/>"),
        Map.of("Depth", "1"));
    assertThat(r.body()).contains("<d:href>/dav/calendars/alice/room/e1.ics</d:href>")
        .contains("<d:getetag>" + etag.replace("\"", "&quot;") + "</d:getetag>")
        .contains("text/calendar; charset=utf-8; component=vevent")
        .contains("<cs:getctag>\"1\"</cs:getctag>");
  }

  @Test
  @DisplayName("an empty body is allprop; propname lists names without values; Depth infinity is 403")
  void allpropPropnameInfinity() {
    Response all = dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0"));
    assertThat(all.body()).contains("<d:displayname>Room room</d:displayname>").contains("<c:comp name=\"VEVENT\"/>")
        .contains("<c:max-resource-size>262144</c:max-resource-size>")
        .contains("<c:min-date-time>19000101T000000Z</c:min-date-time>")
        .contains("<c:max-date-time>22000101T000000Z</c:max-date-time>");
    Response names = dav.request("PROPFIND", ROOM,
        "<d:propfind xmlns:d=\"DAV:\"><d:propname/></d:propfind>", Map.of("Depth", "0"));
    assertThat(names.body()).contains("<d:displayname/>").contains("<cs:getctag/>");
    Response infinity = dav.request("PROPFIND", ROOM, null, Map.of("Depth", "infinity"));
    assertThat(infinity.status()).isEqualTo(403);
    assertThat(infinity.body()).contains("<d:propfind-finite-depth/>");
  }
}
