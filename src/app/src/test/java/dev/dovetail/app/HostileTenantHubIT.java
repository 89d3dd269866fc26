package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.hostile.HostileCorpus;
import dev.dovetail.caldav.hostile.HostileCorpus.HostileRequest;
import dev.dovetail.caldav.hostile.Latencies;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 14 from outside: a stranger signs up on a hub running in its own JVM with its heap capped at 512 MB, and
 * sends the four recurrence attacks (COUNT=200000000 then a query in 9999, minutely in disguise, DTSTART in year 1,
 * a far expand) and then 2,000 requests of the hostile corpus. Each attack is refused or harmless, {@code /health}
 * answers after each, no answer is a 5xx, and the heap after collections stays under a stated bound (read from the
 * hub's GC log; numbers in {@code target/hostile-hub-report.txt} and docs/caldav-compliance.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@DisplayName("A stranger cannot stop a heap-capped hub over CalDAV")
class HostileTenantHubIT {

  static final String HEAP_CAP = "-Xmx512m";
  /** The bound the live heap (after a collection) stays under: three quarters of the cap. */
  static final long LIVE_HEAP_BOUND_MB = 384;
  static final int CORPUS_REQUESTS = 2_000;
  private static final String CALENDAR = "/dav/calendars/stranger/attack/";
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private Path work;
  private Vertx vertx;
  private WebClient client;
  private ChildHub hub;
  private Path log;
  private Path gcLog;
  private String auth;

  @BeforeAll
  void startHub() throws Exception {
    work = Files.createTempDirectory("hostile-hub");
    vertx = Vertx.vertx();
    client = HubExtension.client(vertx);
    log = work.resolve("hub.log");
    gcLog = work.resolve("gc.log");
    hub = ChildHub.start(work.resolve("data"), HubExtension.freePort(), log,
        List.of(HEAP_CAP, "-Xlog:gc:file=" + gcLog));
    awaitHealthy();
    JsonObject signUp = new JsonObject().put("handle", "stranger").put("displayName", "A Stranger")
        .put("email", "stranger@example.com").put("password", "stranger-password-1").put("timeZone", "Europe/Berlin");
    HttpResponse<Buffer> created = client.post(hub.port, "127.0.0.1", "/api/v1/providers")
        .sendJsonObject(signUp).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    auth = "Basic " + Base64.getEncoder().encodeToString("stranger@example.com:stranger-password-1"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(dav("MKCALENDAR", CALENDAR, "").statusCode()).isEqualTo(201);
  }

  @AfterAll
  void stopHub() throws Exception {
    if (hub != null) {
      hub.killHard();
    }
    vertx.close().await();
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private HttpResponse<Buffer> dav(String method, String path, String body, String... headers) {
    return send(method, path, body == null ? null : Buffer.buffer(body), headers.length == 0
        ? Map.of("Content-Type", "application/xml; charset=utf-8", "Depth", "1")
        : Map.of(headers[0], headers[1]));
  }

  private HttpResponse<Buffer> send(String method, String path, Buffer body, Map<String, String> headers) {
    var request = client.request(HttpMethod.valueOf(method), hub.port, "127.0.0.1", path)
        .putHeader("Authorization", auth).timeout(60_000);
    headers.forEach(request::putHeader);
    return (body == null ? request.send() : request.sendBuffer(body)).await();
  }

  private HttpResponse<Buffer> put(String name, String rrule, String start) {
    String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//stranger//EN\r\nBEGIN:VEVENT\r\nUID:" + name
        + "@stranger\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + start + "\r\nDURATION:PT1M\r\nRRULE:" + rrule
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return dav("PUT", CALENDAR + name + ".ics", ics, "Content-Type", "text/calendar; charset=utf-8");
  }

  private static String query(String timeRange, String calendarData) {
    return "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/>"
        + calendarData + "</d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VEVENT\">"
        + timeRange + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  private void assertHealthy() {
    HttpResponse<Buffer> health = client.get(hub.port, "127.0.0.1", "/health").timeout(10_000).send().await();
    assertThat(health.statusCode()).as(ChildHub.describe(log)).isEqualTo(200);
  }

  @Test
  @Order(1)
  @DisplayName("attack 1: COUNT=200000000 hourly is 403 max-instances; a query for a day in 9999 answers 207 at once")
  void hugeCountThenFarQuery() {
    HttpResponse<Buffer> put = put("count", "FREQ=HOURLY;COUNT=200000000", "20261204T100000Z");
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.bodyAsString()).contains("<c:max-instances/>");
    assertThat(put("forever", "FREQ=HOURLY", "20261204T100000Z").statusCode()).isEqualTo(201);
    HttpResponse<Buffer> far = dav("REPORT", CALENDAR,
        query("<c:time-range start=\"99990101T000000Z\" end=\"99990102T000000Z\"/>", ""));
    assertThat(far.statusCode()).isEqualTo(207);
    assertThat(far.bodyAsString()).doesNotContain("forever.ics");
    assertHealthy();
  }

  @Test
  @Order(2)
  @DisplayName("attack 1, variant: minutely in disguise (HOURLY with BYMINUTE=0..59) is 403 valid-calendar-data")
  void minutelyInDisguise() {
    String minutes = IntStream.range(0, 60).mapToObj(String::valueOf).collect(Collectors.joining(","));
    HttpResponse<Buffer> put = put("minutely", "FREQ=HOURLY;BYMINUTE=" + minutes, "20261204T100000Z");
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.bodyAsString()).contains("<c:valid-calendar-data/>");
    assertHealthy();
  }

  @Test
  @Order(3)
  @DisplayName("attack 1, variant: DTSTART in year 1 with a COUNT is 403 min-date-time")
  void yearOne() {
    HttpResponse<Buffer> put = put("year-one", "FREQ=HOURLY;COUNT=5000", "00010101T000000Z");
    assertThat(put.statusCode()).isEqualTo(403);
    assertThat(put.bodyAsString()).contains("<c:min-date-time/>");
    assertHealthy();
  }

  @Test
  @Order(4)
  @DisplayName("attack 1, variant: expand over a far window is 207 and empty; over the whole span at most 1000")
  void farExpand() {
    HttpResponse<Buffer> far = dav("REPORT", CALENDAR, query("",
        "<c:calendar-data><c:expand start=\"99990101T000000Z\" end=\"99991231T000000Z\"/></c:calendar-data>"));
    assertThat(far.statusCode()).isEqualTo(207);
    assertThat(far.bodyAsString()).doesNotContain("BEGIN:VEVENT");
    HttpResponse<Buffer> wide = dav("REPORT", CALENDAR, query("",
        "<c:calendar-data><c:expand start=\"19000101T000000Z\" end=\"22000101T000000Z\"/></c:calendar-data>"));
    assertThat(wide.statusCode()).isIn(207, 403);
    assertThat(wide.bodyAsString().split("BEGIN:VEVENT", -1).length).isLessThanOrEqualTo(1001);
    assertHealthy();
  }

  @Test
  @Order(5)
  @DisplayName("2,000 hostile requests: never a 5xx, /health answers throughout, the live heap stays under 384 MB")
  void hostileCorpusAgainstACappedHeap() throws Exception {
    HostileCorpus corpus = new HostileCorpus(1414);
    Latencies latencies = new Latencies();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < CORPUS_REQUESTS; i++) {
      HostileRequest r = corpus.next();
      String path = switch (r.target()) {
        case OBJECT -> CALENDAR + "h" + (i % 40) + ".ics";
        case CALENDAR -> CALENDAR;
        case NEW_CALENDAR -> "/dav/calendars/stranger/new-" + (i % 25) + "/";
        case HOME -> "/dav/calendars/stranger/";
      };
      long begin = System.nanoTime();
      int status = send(r.method(), path, Buffer.buffer(r.body()), r.headers()).statusCode();
      latencies.add(r.kind(), status, System.nanoTime() - begin, r.preview());
      if (status >= 500) {
        failures.add(i + " → " + status + ": " + r.preview());
      }
      if (i % 250 == 249) {
        assertHealthy();
      }
    }
    assertHealthy();
    assertThat(hub.isAlive()).isTrue();
    long[] heap = heapFromGcLog();
    String report = latencies.report("hub in a child JVM (" + HEAP_CAP + "), seed 1414") + String.format(
        "GC log: %d collections, peak heap before a collection %d MB, peak heap after one %d MB,"
            + " largest committed heap %d MB (cap 512 MB)%n",
        heap[0], heap[1], heap[2], heap[3]);
    Files.writeString(Path.of("target", "hostile-hub-report.txt"), report);
    assertThat(failures).as("requests answered with 5xx").isEmpty();
    assertThat(ChildHub.describe(log)).doesNotContain("OutOfMemoryError");
    assertThat(heap[2]).as(report).isLessThan(LIVE_HEAP_BOUND_MB);
  }

  /** Collections, peak heap before one, peak heap after one, and the heap size, in MB, from {@code -Xlog:gc}. */
  private long[] heapFromGcLog() throws Exception {
    long collections = 0;
    long before = 0;
    long after = 0;
    long size = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_LINE.matcher(line);
      if (m.find()) {
        collections++;
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
        size = Math.max(size, Long.parseLong(m.group(3)));
      }
    }
    return new long[] {collections, before, after, size};
  }

  private void awaitHealthy() {
    Promise<Void> healthy = Promise.promise();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    poll(healthy, deadline);
    healthy.future().await();
    assertThat(hub.isAlive()).as(ChildHub.describe(log)).isTrue();
  }

  private void poll(Promise<Void> healthy, long deadline) {
    client.get(hub.port, "127.0.0.1", "/health").send()
        .flatMap(r -> r.statusCode() == 200 ? Future.succeededFuture() : Future.failedFuture("status " + r.statusCode()))
        .onSuccess(v -> healthy.tryComplete())
        .onFailure(err -> {
          if (!hub.isAlive() || System.nanoTime() > deadline) {
            healthy.tryFail("hub did not become healthy: " + err.getMessage());
          } else {
            vertx.setTimer(200, id -> poll(healthy, deadline));
          }
        });
  }
}
