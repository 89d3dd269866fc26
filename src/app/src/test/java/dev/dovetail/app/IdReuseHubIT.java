package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 14, attack 2: a deleted resource's or booking type's id must not hand its data to the next tenant. Ids are
 * global and retired on delete (ADR 22): across the REST API and CalDAV, nobody (not even the old owner) can take a
 * deleted id again, so the old calendar, its events and its bookings stay out of reach.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Deleted ids are retired: no tenant inherits another's calendar, events or bookings")
class IdReuseHubIT {


  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private WebClient client;
  private int port;
  private DemoSession demo;
  private DemoSession stranger;

  @BeforeAll
  void start() {
    client = HUB.client();
    port = HUB.port();
    JsonObject signUp = new JsonObject().put("handle", "stranger").put("displayName", "A Stranger")
        .put("email", "stranger@example.com").put("password", "stranger-password-1").put("timeZone", "Europe/Berlin");
    HttpResponse<Buffer> created = client.post(port, "127.0.0.1", "/api/v1/providers").sendJsonObject(signUp).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    demo = DemoSession.login(client, port);
    stranger = DemoSession.login(client, port, "stranger@example.com", "stranger-password-1");
  }

  private HttpResponse<Buffer> dav(String user, String password, String method, String path, String body,
      String contentType) {
    var request = client.request(HttpMethod.valueOf(method), port, "127.0.0.1", path)
        .putHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .putHeader("Content-Type", contentType).putHeader("Depth", "1");
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private HttpResponse<Buffer> asDemo(String method, String path, String body, String contentType) {
    return dav("demo", HubExtension.DEMO_PASSWORD, method, path, body, contentType);
  }

  private HttpResponse<Buffer> asStranger(String method, String path, String body, String contentType) {
    return dav("stranger@example.com", "stranger-password-1", method, path, body, contentType);
  }

  @Test
  @DisplayName("a calendar deleted over the API: its id cannot be taken again by MKCALENDAR or the API, by anyone;"
      + " the SECRET event reaches nobody")
  void deletedResourceIdIsRetired() {
    assertThat(asDemo("MKCALENDAR", "/dav/calendars/demo/reuse-x/", null, "application/xml").statusCode())
        .isEqualTo(201);
    String secret = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//demo//EN\r\nBEGIN:VEVENT\r\nUID:secret@demo\r\n"
        + "DTSTAMP:20261101T000000Z\r\nDTSTART:20270105T090000Z\r\nDTEND:20270105T100000Z\r\nSUMMARY:SECRET\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    assertThat(asDemo("PUT", "/dav/calendars/demo/reuse-x/secret.ics", secret, "text/calendar").statusCode())
        .isEqualTo(201);
    assertThat(asDemo("PROPPATCH", "/dav/calendars/demo/reuse-x/", "<d:propertyupdate xmlns:d=\"DAV:\" "
        + "xmlns:t=\"https://dovetail.dev/ns/caldav\"><d:set><d:prop><t:feed-url/></d:prop></d:set>"
        + "</d:propertyupdate>", "application/xml").statusCode()).isEqualTo(207);
    Matcher feed = Pattern.compile("<dt:feed-url><d:href>([^<]+)</d:href>").matcher(asDemo("PROPFIND",
        "/dav/calendars/demo/reuse-x/", "<d:propfind xmlns:d=\"DAV:\" xmlns:t=\"https://dovetail.dev/ns/caldav\">"
            + "<d:prop><t:feed-url/></d:prop></d:propfind>", "application/xml").bodyAsString());
    assertThat(feed.find()).isTrue();
    assertThat(client.get(port, "127.0.0.1", feed.group(1)).send().await().bodyAsString()).contains("SECRET");
    MongoStore store = MongoStore.connect(HUB.clientVertx(), HUB.mongoUri(),
        HUB.config().store().database(),
        MongoStore.NO_COMMIT).await();
    try {
      assertThat(store.calendars().revision("reuse-x").await()).isPositive();
      assertThat(store.schedules().load("reuse-x").await().revision()).isPositive();

      assertThat(demo.send("DELETE", "/api/v1/resources/reuse-x", null).statusCode()).isEqualTo(204);

      // Purged from the store, not merely unreachable: no calendar document (events, sync history, feed token) and
      // no schedule (busy time) is left under the retired id.
      assertThat(store.calendars().revision("reuse-x").await()).isZero();
      assertThat(store.calendars().load("reuse-x").await().properties()).isEmpty();
      assertThat(store.schedules().load("reuse-x").await().revision()).isZero();
    } finally {
      store.close().await();
    }
    assertThat(client.get(port, "127.0.0.1", feed.group(1)).send().await().statusCode()).isEqualTo(404);

    HttpResponse<Buffer> mk = asStranger("MKCALENDAR", "/dav/calendars/stranger/reuse-x/", null, "application/xml");
    assertThat(mk.statusCode()).isEqualTo(403);
    assertThat(mk.bodyAsString()).contains("resource-must-be-null");
    HttpResponse<Buffer> api = stranger.send("POST", "/api/v1/resources", new JsonObject().put("id", "reuse-x")
        .put("name", "Mine now").put("timeZone", "Europe/Berlin"));
    assertThat(api.statusCode()).isEqualTo(409);
    assertThat(demo.send("POST", "/api/v1/resources", new JsonObject().put("id", "reuse-x")
        .put("name", "Back again").put("timeZone", "Europe/Berlin")).statusCode()).isEqualTo(409);
    String query = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
        + "<c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"/></c:filter></c:calendar-query>";
    for (HttpResponse<Buffer> r : new HttpResponse[] {
        asStranger("REPORT", "/dav/calendars/stranger/reuse-x/", query, "application/xml"),
        asDemo("REPORT", "/dav/calendars/demo/reuse-x/", query, "application/xml"),
        asStranger("GET", "/dav/calendars/demo/reuse-x/secret.ics", null, "text/calendar")}) {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.bodyAsString()).doesNotContain("SECRET");
    }
  }

  @Test
  @DisplayName("a calendar deleted over CalDAV: its id is retired too")
  void davDeletedCalendarIdIsRetired() {
    assertThat(asDemo("MKCALENDAR", "/dav/calendars/demo/reuse-y/", null, "application/xml").statusCode())
        .isEqualTo(201);
    assertThat(asDemo("DELETE", "/dav/calendars/demo/reuse-y/", null, "application/xml").statusCode())
        .isEqualTo(204);
    assertThat(asStranger("MKCALENDAR", "/dav/calendars/stranger/reuse-y/", null, "application/xml").statusCode())
        .isEqualTo(403);
  }

  @Test
  @DisplayName("a deleted booking type's id cannot be taken by another provider, so its bookings stay out of reach")
  void deletedBookingTypeIdIsRetired() {
    JsonObject type = new JsonObject().put("id", "reuse-t").put("resourceId", "demo-room").put("name", "Reused?")
        .put("durationsMinutes", new JsonArray().add(30));
    assertThat(demo.send("POST", "/api/v1/booking-types", type).statusCode()).isEqualTo(201);
    assertThat(demo.send("DELETE", "/api/v1/booking-types/reuse-t", null).statusCode()).isEqualTo(204);
    assertThat(stranger.send("POST", "/api/v1/resources", new JsonObject().put("id", "stranger-room")
        .put("name", "Room").put("timeZone", "Europe/Berlin")).statusCode()).isEqualTo(201);
    HttpResponse<Buffer> again = stranger.send("POST", "/api/v1/booking-types",
        type.copy().put("resourceId", "stranger-room"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(client.get(port, "127.0.0.1", "/api/v1/public/booking-types/reuse-t").send().await().statusCode())
        .isEqualTo(404);
  }
}
