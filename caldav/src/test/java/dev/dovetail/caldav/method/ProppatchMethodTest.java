package dev.dovetail.caldav.method;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture.Response;
import dev.dovetail.caldav.DavTestBase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PROPPATCH: display name, colour, description; all or nothing")
class ProppatchMethodTest extends DavTestBase {

  private static String update(String ops) {
    return "<d:propertyupdate xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\""
        + " xmlns:a=\"http://apple.com/ns/ical/\">" + ops + "</d:propertyupdate>";
  }

  @Test
  @DisplayName("set displayname, calendar-color and calendar-description, then read them back; remove one")
  void setAndRemove() {
    Response r = dav.request("PROPPATCH", ROOM, update("<d:set><d:prop><d:displayname>Blue room</d:displayname>"
        + "<a:calendar-color>#0000FFFF</a:calendar-color><c:calendar-description>Upstairs</c:calendar-description>"
        + "</d:prop></d:set>"));
    assertThat(r.status()).isEqualTo(207);
    assertThat(r.body()).contains("HTTP/1.1 200 OK");
    Response read = dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0"));
    assertThat(read.body()).contains("<d:displayname>Blue room</d:displayname>")
        .contains("<a:calendar-color>#0000FFFF</a:calendar-color>")
        .contains("<c:calendar-description>Upstairs</c:calendar-description>");
    dav.request("PROPPATCH", ROOM, update("<d:remove><d:prop><a:calendar-color/></d:prop></d:remove>"));
    assertThat(dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0")).body()).doesNotContain("calendar-color");
  }

  @Test
  @DisplayName("a protected property makes the whole PROPPATCH fail: 403 for it, 424 for the rest, nothing stored")
  void allOrNothing() {
    Response r = dav.request("PROPPATCH", ROOM, update("<d:set><d:prop><d:displayname>X</d:displayname>"
        + "<d:getetag>\"forged\"</d:getetag></d:prop></d:set>"));
    assertThat(r.body()).contains("HTTP/1.1 403 Forbidden").contains("HTTP/1.1 424 Failed Dependency");
    assertThat(dav.request("PROPFIND", ROOM, null, Map.of("Depth", "0")).body())
        .contains("<d:displayname>Room room</d:displayname>");
  }
}
