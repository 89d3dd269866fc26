package dev.dovetail.caldav.method;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.DavTestBase;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MKCALENDAR: a new calendar is a new (not bookable) resource")
class MkcalendarMethodTest extends DavTestBase {

  @Test
  @DisplayName("creates the resource with the given display name; a second MKCALENDAR is 403 resource-must-be-null")
  void createsResource() {
    String body = "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<d:displayname>Van</d:displayname></d:prop></d:set></c:mkcalendar>";
    assertThat(dav.request("MKCALENDAR", "/dav/calendars/alice/van/", body).status()).isEqualTo(201);
    assertThat(dav.resources.findById("van").await()).hasValueSatisfying(r -> {
      assertThat(r.providerId()).isEqualTo("alice");
      assertThat(r.bookable()).isFalse();
      assertThat(r.name()).isEqualTo("Van");
    });
    assertThat(dav.request("PROPFIND", "/dav/calendars/alice/van/", null, Map.of("Depth", "0")).status())
        .isEqualTo(207);
    var again = dav.request("MKCALENDAR", "/dav/calendars/alice/van/", null);
    assertThat(again.status()).isEqualTo(403);
    assertThat(again.body()).contains("<d:resource-must-be-null/>");
  }

  @Test
  @DisplayName("another tenant's home is 404; a name that is not a slug is 403")
  void refusals() {
    assertThat(dav.request("MKCALENDAR", "/dav/calendars/bob/van/", null).status()).isEqualTo(404);
    assertThat(dav.request("MKCALENDAR", "/dav/calendars/alice/Not%20A%20Slug/", null).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("extended MKCOL (RFC 5689) with a C:calendar resourcetype makes a calendar; a plain folder is 403")
  void extendedMkcol() {
    String calendar = "<d:mkcol xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><d:displayname>Laptop</d:displayname>"
        + "</d:prop></d:set></d:mkcol>";
    assertThat(dav.request("MKCOL", "/dav/calendars/alice/laptop/", calendar).status()).isEqualTo(201);
    assertThat(dav.resources.findById("laptop").await()).hasValueSatisfying(r -> {
      assertThat(r.providerId()).isEqualTo("alice");
      assertThat(r.name()).isEqualTo("Laptop");
    });
    String folder = "<d:mkcol xmlns:d=\"DAV:\"><d:set><d:prop><d:resourcetype><d:collection/></d:resourcetype>"
        + "</d:prop></d:set></d:mkcol>";
    var refused = dav.request("MKCOL", "/dav/calendars/alice/folder/", folder);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<d:valid-resourcetype/>");
    assertThat(dav.request("MKCOL", "/dav/calendars/alice/bare/", null).status()).isEqualTo(403);
    assertThat(dav.resources.findById("folder").await()).isEmpty();
    assertThat(dav.request("MKCOL", "/dav/calendars/alice/laptop/", calendar).status()).isEqualTo(403);
  }

  @Test
  @DisplayName("all or nothing (RFC 4791 5.3.1): asked for a component this hub cannot store (VFREEBUSY,"
      + " VAVAILABILITY) or none, 403 with the set 403 and the other properties 424, and no calendar; VEVENT,VTODO is"
      + " created")
  void componentSetAllOrNothing() {
    String odd = "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<d:displayname>Tasks</d:displayname><c:supported-calendar-component-set><c:comp name=\"VEVENT\"/>"
        + "<c:comp name=\"VFREEBUSY\"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>";
    var refused = dav.request("MKCALENDAR", "/dav/calendars/alice/tasks/", odd);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("<c:mkcalendar-response")
        .contains("<d:prop><c:supported-calendar-component-set/></d:prop><d:status>HTTP/1.1 403 Forbidden")
        .contains("<d:prop><d:displayname/></d:prop><d:status>HTTP/1.1 424 Failed Dependency");
    assertThat(dav.resources.findById("tasks").await()).isEmpty();
    String availability = "<d:mkcol xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<d:resourcetype><d:collection/><c:calendar/></d:resourcetype><c:supported-calendar-component-set>"
        + "<c:comp name=\"VAVAILABILITY\"/></c:supported-calendar-component-set></d:prop></d:set></d:mkcol>";
    var mkcol = dav.request("MKCOL", "/dav/calendars/alice/tasks/", availability);
    assertThat(mkcol.status()).isEqualTo(403);
    assertThat(mkcol.body()).contains("<d:mkcol-response");
    var none = dav.request("MKCOL", "/dav/calendars/alice/tasks/", availability.replace(
        "<c:comp name=\"VAVAILABILITY\"/>", ""));
    assertThat(none.status()).isEqualTo(403);
    assertThat(dav.resources.findById("tasks").await()).isEmpty();
    assertThat(dav.request("MKCALENDAR", "/dav/calendars/alice/tasks/", odd.replace("VFREEBUSY", "VTODO"))
        .status()).isEqualTo(201);
  }
}
