package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop: Debian's vdirsyncer syncs a resource's calendar with a local folder, two-way: bookings come down, a local
 * event goes up (and blocks the slot), a repeated sync changes nothing, and a conflicting edit on both sides is
 * reported. Skipped only if /usr/bin/vdirsyncer is missing (.ci/run installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@DisplayName("Interop: vdirsyncer syncs a calendar with a local folder")
class VdirsyncerInteropIT {

  private static final Path VDIRSYNCER = Path.of("/usr/bin/vdirsyncer");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final String ROOM = "/dav/calendars/demo/demo-room/";

  @TempDir
  Path work;

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private Hub hub;
  private WebClient client;

  @BeforeAll
  void startHub() {
    hub = HUB.hub();
    client = HUB.client();
  }

  record Run(int exit, String output) {}

  private Run vdirsyncer(String... args) throws IOException, InterruptedException {
    return vdirsyncer(work.resolve("config"), "", args);
  }

  /** Runs vdirsyncer on {@code config} with {@code answers} on its standard input (its create-collection prompts). */
  private Run vdirsyncer(Path config, String answers, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(VDIRSYNCER.toString(), "-c", config.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().put("HOME", work.toString());
    Process p = pb.start();
    try (var in = p.getOutputStream()) {
      in.write(answers.getBytes(StandardCharsets.UTF_8));
    }
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return new Run(p.waitFor(60, TimeUnit.SECONDS) ? p.exitValue() : -1, output);
  }

  private Map<String, String> localFiles() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(work.resolve("local"))) {
      for (Path f : list.toList()) {
        files.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    return files;
  }

  private HttpResponse<Buffer> dav(String method, String path, String body, String... headers) {
    String auth = "Basic " + Base64.getEncoder()
        .encodeToString(("demo:" + HubExtension.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    var request = client.request(HttpMethod.valueOf(method), hub.httpPort(), "127.0.0.1", path)
        .putHeader("Authorization", auth);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private static String event(String uid, Instant start, String summary) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//local//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + UTC.format(start) + "\r\nDTEND:"
        + UTC.format(start.plusSeconds(3600)) + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @Test
  @DisplayName("two-way sync converges, a repeated sync changes nothing, a conflict is reported")
  void twoWaySync() throws Exception {
    assertTrue(Files.isExecutable(VDIRSYNCER), "vdirsyncer is not installed (sudo .ci/install-test-deps)");
    int port = hub.httpPort();
    List<String> starts = HUB.freeStarts("demo-60");
    String bookingId = HubFixture.book(client, port, "demo-60", starts.get(0), "v@example.com").await()
        .bodyAsJsonObject().getJsonObject("booking").getString("id");
    Files.createDirectories(work.resolve("local"));
    Files.createDirectories(work.resolve("status"));
    Files.writeString(work.resolve("config"), String.join("\n",
        "[general]",
        "status_path = \"" + work.resolve("status") + "/\"",
        "",
        "[pair room]",
        "a = \"local\"",
        "b = \"remote\"",
        "collections = null",
        "",
        "[storage local]",
        "type = \"filesystem\"",
        "path = \"" + work.resolve("local") + "/\"",
        "fileext = \".ics\"",
        "",
        "[storage remote]",
        "type = \"caldav\"",
        "url = \"http://127.0.0.1:" + port + ROOM + "\"",
        "username = \"demo\"",
        "password = \"" + HubExtension.DEMO_PASSWORD + "\"",
        ""));

    Run discover = vdirsyncer("discover", "room");
    assertThat(discover.exit()).as(discover.output()).isZero();
    Run first = vdirsyncer("sync");
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(localFiles().values()).anySatisfy(ics -> assertThat(ics).contains("UID:" + bookingId + "@dovetail"));

    Instant free = Instant.parse(starts.get(starts.size() - 1));
    Files.writeString(work.resolve("local").resolve("local-1.ics"), event("local-1@test", free, "From my laptop"));
    Run up = vdirsyncer("sync");
    assertThat(up.exit()).as(up.output()).isZero();
    String listing = dav("PROPFIND", ROOM, null, "Depth", "1").bodyAsString();
    assertThat(listing).contains(".ics");
    assertThat(HUB.freeStarts("demo-60")).doesNotContain(free.toString());

    String ctag = dav("PROPFIND", ROOM, "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\">"
        + "<d:prop><cs:getctag/></d:prop></d:propfind>", "Depth", "0").bodyAsString();
    Map<String, String> before = localFiles();
    Run again = vdirsyncer("sync");
    assertThat(again.exit()).as(again.output()).isZero();
    assertThat(localFiles()).isEqualTo(before);
    assertThat(dav("PROPFIND", ROOM, "<d:propfind xmlns:d=\"DAV:\" xmlns:cs=\"http://calendarserver.org/ns/\">"
        + "<d:prop><cs:getctag/></d:prop></d:propfind>", "Depth", "0").bodyAsString()).isEqualTo(ctag);

    // Both sides edit the same event: vdirsyncer reports the conflict and overwrites neither.
    String href = listing.lines().flatMap(l -> java.util.Arrays.stream(l.split("<d:href>")))
        .filter(h -> h.startsWith(ROOM) && h.contains(".ics") && !h.contains("booking-"))
        .map(h -> h.substring(0, h.indexOf("</d:href>"))).findFirst().orElseThrow();
    String etag = dav("GET", href, null).getHeader("ETag");
    HttpResponse<Buffer> remoteEdit = dav("PUT", href, event("local-1@test", free, "Edited on the server"),
        "Content-Type", "text/calendar", "If-Match", etag);
    assertThat(remoteEdit.statusCode()).as(remoteEdit.bodyAsString()).isEqualTo(204);
    Files.writeString(work.resolve("local").resolve("local-1.ics"), event("local-1@test", free, "Edited locally"));
    Run conflict = vdirsyncer("sync");
    assertThat(conflict.exit()).as(conflict.output()).isNotZero();
    assertThat(conflict.output().toLowerCase()).contains("conflict");
    assertThat(dav("GET", href, null).bodyAsString()).contains("Edited on the server");
  }

  @Test
  @DisplayName("given the bare host URL, vdirsyncer discovers the calendars, creates one, syncs both ways and deletes")
  void bareHostUrl() throws Exception {
    assertTrue(Files.isExecutable(VDIRSYNCER), "vdirsyncer is not installed (sudo .ci/install-test-deps)");
    int port = hub.httpPort();
    Path local = work.resolve("bare-local");
    Path laptop = Files.createDirectories(local.resolve("laptop-cal"));
    Files.writeString(laptop.resolve("trip.ics"), event("trip@test", Instant.parse("2027-03-01T09:00:00Z"), "Trip"));
    Files.writeString(laptop.resolve("gym.ics"), event("gym@test", Instant.parse("2027-03-02T18:00:00Z"), "Gym"));
    Path config = work.resolve("bare-config");
    Files.writeString(config, String.join("\n",
        "[general]",
        "status_path = \"" + work.resolve("bare-status") + "/\"",
        "",
        "[pair all]",
        "a = \"local\"",
        "b = \"remote\"",
        "collections = [\"from a\", \"from b\"]",
        "",
        "[storage local]",
        "type = \"filesystem\"",
        "path = \"" + local + "/\"",
        "fileext = \".ics\"",
        "",
        "[storage remote]",
        "type = \"caldav\"",
        "url = \"http://127.0.0.1:" + port + "/\"",
        "username = \"demo\"",
        "password = \"" + HubExtension.DEMO_PASSWORD + "\"",
        ""));

    Run discover = vdirsyncer(config, "y\ny\ny\ny\n", "discover", "all");
    assertThat(discover.exit()).as(discover.output()).isZero();
    assertThat(dav("PROPFIND", "/dav/calendars/demo/laptop-cal/", null, "Depth", "0").statusCode())
        .as("the collection vdirsyncer created").isEqualTo(207);
    Run sync = vdirsyncer(config, "", "sync");
    assertThat(sync.exit()).as(sync.output()).isZero();
    assertThat(Files.isDirectory(local.resolve("demo-room"))).as("the demo room came down").isTrue();
    String listing = dav("PROPFIND", "/dav/calendars/demo/laptop-cal/", null, "Depth", "1").bodyAsString();
    String href = listing.lines().flatMap(l -> java.util.Arrays.stream(l.split("<d:href>")))
        .filter(h -> h.startsWith("/dav/calendars/demo/laptop-cal/") && h.contains(".ics"))
        .map(h -> h.substring(0, h.indexOf("</d:href>")))
        .filter(h -> dav("GET", h, null).bodyAsString().contains("SUMMARY:Trip")).findFirst().orElseThrow();

    // One of two: vdirsyncer refuses to sync a side that was emptied completely.
    Files.delete(laptop.resolve("trip.ics"));
    Run delete = vdirsyncer(config, "", "sync");
    assertThat(delete.exit()).as(delete.output()).isZero();
    assertThat(dav("GET", href, null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("a task list (VTODO) made over CalDAV: vdirsyncer with item_types VTODO brings a task down and takes"
      + " one up")
  void taskList() throws Exception {
    assertTrue(Files.isExecutable(VDIRSYNCER), "vdirsyncer is not installed (sudo .ci/install-test-deps)");
    String tasks = "/dav/calendars/demo/vd-tasks/";
    String mkcalendar = "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
        + "<c:supported-calendar-component-set><c:comp name=\"VTODO\"/></c:supported-calendar-component-set>"
        + "</d:prop></d:set></c:mkcalendar>";
    assertThat(dav("MKCALENDAR", tasks, mkcalendar).statusCode()).isEqualTo(201);
    assertThat(dav("PUT", tasks + "server-task.ics", task("server-task@test", "Server task"), "Content-Type",
        "text/calendar").statusCode()).isEqualTo(201);
    Path local = work.resolve("tasks-local");
    Path list = Files.createDirectories(local.resolve("vd-tasks"));
    Files.writeString(list.resolve("laptop-task.ics"), task("laptop-task@test", "Laptop task"));
    Path config = work.resolve("tasks-config");
    Files.writeString(config, String.join("\n",
        "[general]",
        "status_path = \"" + work.resolve("tasks-status") + "/\"",
        "",
        "[pair tasks]",
        "a = \"local\"",
        "b = \"remote\"",
        "collections = [\"vd-tasks\"]",
        "",
        "[storage local]",
        "type = \"filesystem\"",
        "path = \"" + local + "/\"",
        "fileext = \".ics\"",
        "",
        "[storage remote]",
        "type = \"caldav\"",
        "url = \"http://127.0.0.1:" + hub.httpPort() + "/dav/\"",
        "username = \"demo\"",
        "password = \"" + HubExtension.DEMO_PASSWORD + "\"",
        "item_types = [\"VTODO\"]",
        ""));

    Run discover = vdirsyncer(config, "y\ny\n", "discover", "tasks");
    assertThat(discover.exit()).as(discover.output()).isZero();
    Run sync = vdirsyncer(config, "", "sync");
    assertThat(sync.exit()).as(sync.output()).isZero();
    List<String> down = new ArrayList<>();
    try (Stream<Path> files = Files.list(list)) {
      for (Path f : files.toList()) {
        down.add(Files.readString(f));
      }
    }
    assertThat(down).anyMatch(t -> t.contains("SUMMARY:Server task")).anyMatch(t -> t.contains("SUMMARY:Laptop task"));
    String query = "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:prop>"
        + "<c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter name=\"VTODO\"/>"
        + "</c:comp-filter></c:filter></c:calendar-query>";
    assertThat(dav("REPORT", tasks, query, "Depth", "1").bodyAsString()).contains("SUMMARY:Laptop task")
        .contains("SUMMARY:Server task");
  }

  private static String task(String uid, String summary) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//local//EN\r\nBEGIN:VTODO\r\nUID:" + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nDUE:20270301T090000Z\r\nSUMMARY:" + summary
        + "\r\nSTATUS:NEEDS-ACTION\r\nEND:VTODO\r\nEND:VCALENDAR\r\n";
  }
}
