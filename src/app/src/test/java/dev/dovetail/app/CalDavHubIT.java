package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub (embedded store, demo data) serving CalDAV next to the REST API: the demo account logs in with its
 * password, a booking made over REST is an event in the calendar, an event written over CalDAV blocks the slot for
 * customers, an event over a booking is refused, and the REST API's own auth and headers are untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("A hub serves CalDAV on the same port as the REST API")
class CalDavHubIT {

  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);


  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private Hub hub;
  private WebClient client;

  @BeforeAll
  void startHub() {
    hub = HUB.hub();
    client = HUB.client();
  }

  private static String basic() {
    return "Basic " + Base64.getEncoder()
        .encodeToString(("demo:" + HubExtension.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<Buffer> dav(String method, String path, String body, String... headers) {
    var request = client.request(HttpMethod.valueOf(method), hub.httpPort(), "127.0.0.1", path)
        .putHeader("Authorization", basic());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private static String event(String uid, Instant start, Instant end) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + UTC.format(start) + "\r\nDTEND:" + UTC.format(end)
        + "\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @Test
  @DisplayName("the demo account discovers its calendars with its password")
  void discovery() {
    HttpResponse<Buffer> r = dav("PROPFIND", "/dav/calendars/demo/", null, "Depth", "1");
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(207);
    assertThat(r.bodyAsString()).contains("/dav/calendars/demo/demo-room/");
    HttpResponse<Buffer> anonymous = client.request(HttpMethod.PROPFIND, hub.httpPort(), "127.0.0.1", "/dav/")
        .send().await();
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.getHeader("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  @DisplayName("a booking is an event; a CalDAV event blocks its slot; an event over a booking is 403")
  void bookingsAndBusyTime() {
    int port = hub.httpPort();
    List<String> starts = HUB.freeStarts("demo-60");
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-60", starts.get(0), "c@example.com").await();
    assertThat(booked.statusCode()).as(booked.bodyAsString()).isEqualTo(201);
    String bookingId = booked.bodyAsJsonObject().getJsonObject("booking").getString("id");
    HttpResponse<Buffer> ics = dav("GET", "/dav/calendars/demo/demo-room/booking-" + bookingId + ".ics", null);
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.bodyAsString()).contains("UID:" + bookingId + "@dovetail");

    Instant bookedStart = Instant.parse(starts.get(0));
    HttpResponse<Buffer> clash = dav("PUT", "/dav/calendars/demo/demo-room/clash.ics",
        event("clash@test", bookedStart, bookedStart.plusSeconds(1800)), "Content-Type", "text/calendar");
    assertThat(clash.statusCode()).isEqualTo(403);
    assertThat(clash.bodyAsString()).contains("no-booking-overlap");

    List<String> before = HUB.freeStarts("demo-60");
    Instant free = Instant.parse(before.get(before.size() - 1));
    HttpResponse<Buffer> put = dav("PUT", "/dav/calendars/demo/demo-room/dentist.ics",
        event("dentist@test", free, free.plusSeconds(3600)), "Content-Type", "text/calendar");
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(201);
    assertThat(HUB.freeStarts("demo-60")).doesNotContain(free.toString());
  }

  @Test
  @DisplayName("issue 14, attack 3: free-busy reports an event in 2031, far past the materialised busy year, and a"
      + " task in a calendar of events and tasks never shows as busy")
  void freeBusyOverTheWholeRange() {
    Instant far = Instant.parse("2031-06-10T09:00:00Z");
    HttpResponse<Buffer> put = dav("PUT", "/dav/calendars/demo/demo-room/far-2031.ics",
        event("far-2031@test", far, far.plusSeconds(3600)), "Content-Type", "text/calendar");
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(201);
    String query = "<c:free-busy-query xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<c:time-range start=\"20310610T000000Z\" end=\"20310611T000000Z\"/></c:free-busy-query>";
    HttpResponse<Buffer> busy = dav("REPORT", "/dav/calendars/demo/demo-room/", query, "Depth", "1");
    assertThat(busy.statusCode()).isEqualTo(200);
    assertThat(busy.bodyAsString()).contains("FREEBUSY;FBTYPE=BUSY:20310610T090000Z/20310610T100000Z");

    String mixed = "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<c:supported-calendar-component-set><c:comp name=\"VEVENT\"/><c:comp name=\"VTODO\"/>"
        + "</c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>";
    assertThat(dav("MKCALENDAR", "/dav/calendars/demo/hub-tasks/", mixed).statusCode()).isEqualTo(201);
    String task = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTODO\r\nUID:hub-task@test\r\n"
        + "DTSTAMP:20260101T000000Z\r\nDTSTART:20310610T090000Z\r\nDUE:20310610T100000Z\r\nSUMMARY:Report\r\n"
        + "END:VTODO\r\nEND:VCALENDAR\r\n";
    assertThat(dav("PUT", "/dav/calendars/demo/hub-tasks/report.ics", task, "Content-Type", "text/calendar")
        .statusCode()).isEqualTo(201);
    HttpResponse<Buffer> tasksBusy = dav("REPORT", "/dav/calendars/demo/hub-tasks/", query, "Depth", "1");
    assertThat(tasksBusy.statusCode()).isEqualTo(200);
    assertThat(tasksBusy.bodyAsString()).contains("BEGIN:VFREEBUSY").doesNotContain("FREEBUSY;FBTYPE=BUSY");
  }

  @Test
  @DisplayName("the REST API keeps its own authentication and problem responses")
  void restApiUntouched() {
    HttpResponse<Buffer> resources = client.get(hub.httpPort(), "127.0.0.1", "/api/v1/resources").send().await();
    assertThat(resources.statusCode()).isEqualTo(401);
    assertThat(resources.getHeader("Content-Type")).startsWith("application/problem+json");
    HttpResponse<Buffer> health = client.get(hub.httpPort(), "127.0.0.1", "/health").send().await();
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a PUT that meets a resource lock held past its timeout is 503 with Retry-After, and nothing is stored")
  void busyLockIs503WithRetryAfter() {
    var held = hub.vertx().sharedData()
        .getLocalLock(dev.dovetail.infra.lock.SharedDataResourceLock.lockName("demo-room")).await();
    try {
      String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:busy@test\r\n"
          + "DTSTAMP:20261101T000000Z\r\nDTSTART:20270105T050000Z\r\nDTEND:20270105T053000Z\r\n"
          + "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
      HttpResponse<Buffer> put = dav("PUT", "/dav/calendars/demo/demo-room/busy.ics", ics,
          "Content-Type", "text/calendar");
      assertThat(put.statusCode()).isEqualTo(503);
      assertThat(put.getHeader("Retry-After")).isEqualTo("1");
    } finally {
      held.release();
    }
    assertThat(dav("GET", "/dav/calendars/demo/demo-room/busy.ics", null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("subscription: CalDAV and feed addresses under the configured public URL; a feed issued works, a new "
      + "one replaces it, a revoked one stops; another provider's resource is a 404")
  void subscriptionAddressesAndFeed() {
    DemoSession demo = DemoSession.login(client, hub.httpPort());
    io.vertx.core.json.JsonObject first = demo.send("GET", "/api/v1/resources/demo-room/subscription", null)
        .bodyAsJsonObject();
    // The test hub's DOVETAIL_PUBLIC_URL is http://127.0.0.1 (no port), whatever address the request used.
    assertThat(first.getString("serverUrl")).isEqualTo("http://127.0.0.1/");
    assertThat(first.getString("caldavUrl")).isEqualTo("http://127.0.0.1/dav/calendars/demo/demo-room/");
    assertThat(first.getString("login")).isEqualTo("demo");
    assertThat(first.getValue("feedUrl")).isNull();
    assertThat(dav("PROPFIND", "/dav/calendars/demo/demo-room/", null, "Depth", "0").statusCode()).isEqualTo(207);

    HttpResponse<Buffer> issued = demo.send("POST", "/api/v1/resources/demo-room/subscription/feed", null);
    assertThat(issued.statusCode()).as(issued.bodyAsString()).isEqualTo(200);
    String feed = issued.bodyAsJsonObject().getString("feedUrl");
    assertThat(feed).startsWith("http://127.0.0.1/webcal/demo/demo-room/").endsWith(".ics");
    assertThat(issued.bodyAsJsonObject().getString("webcalUrl")).isEqualTo(feed.replace("http://", "webcal://"));
    String feedPath = feed.substring("http://127.0.0.1".length());
    HttpResponse<Buffer> ics = client.get(hub.httpPort(), "127.0.0.1", feedPath).send().await();
    assertThat(ics.statusCode()).isEqualTo(200);
    assertThat(ics.bodyAsString()).startsWith("BEGIN:VCALENDAR");
    assertThat(demo.send("GET", "/api/v1/resources/demo-room/subscription", null).bodyAsJsonObject()
        .getString("feedUrl")).isEqualTo(feed);

    String again = demo.send("POST", "/api/v1/resources/demo-room/subscription/feed", null).bodyAsJsonObject()
        .getString("feedUrl");
    assertThat(again).isNotEqualTo(feed);
    assertThat(client.get(hub.httpPort(), "127.0.0.1", feedPath).send().await().statusCode()).isEqualTo(404);
    String againPath = again.substring("http://127.0.0.1".length());
    assertThat(client.get(hub.httpPort(), "127.0.0.1", againPath).send().await().statusCode()).isEqualTo(200);

    assertThat(demo.send("DELETE", "/api/v1/resources/demo-room/subscription/feed", null).statusCode())
        .isEqualTo(204);
    assertThat(client.get(hub.httpPort(), "127.0.0.1", againPath).send().await().statusCode()).isEqualTo(404);
    assertThat(demo.send("GET", "/api/v1/resources/demo-room/subscription", null).bodyAsJsonObject()
        .getValue("feedUrl")).isNull();
    assertThat(demo.send("GET", "/api/v1/resources/not-a-room/subscription", null).statusCode()).isEqualTo(404);
    assertThat(demo.send("POST", "/api/v1/resources/not-a-room/subscription/feed", null).statusCode())
        .isEqualTo(404);
  }
}
