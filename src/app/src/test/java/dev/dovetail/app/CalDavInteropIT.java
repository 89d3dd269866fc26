package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop: Debian's python3-caldav (run with /usr/bin/python3, installed by .ci/run) against a running hub:
 * discovery from the bare host URL (as the README says), calendar listing, initial and incremental sync-collection, PUT, time-range calendar-query,
 * DELETE, an event over a booking refused, MKCALENDAR for VEVENT+VTODO refused whole, an event calendar made, written to
 * and deleted. Skipped only if /usr/bin/python3 cannot import caldav.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("Interop: python3-caldav drives a running hub")
class CalDavInteropIT {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  @TempDir
  Path workDir;

  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().build();

  private Hub hub;
  private WebClient client;

  @BeforeAll
  void startHub() {
    hub = HUB.hub();
    client = HUB.client();
  }

  private Run python(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString()));
    command.addAll(List.of(args));
    // Run from an empty folder: the repository's caldav/ directory would shadow the python package.
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    boolean done = p.waitFor(90, TimeUnit.SECONDS);
    return new Run(done ? p.exitValue() : -1, output);
  }

  record Run(int exit, String output) {}

  @Test
  @DisplayName("discovery, sync, create, lookup by UID, time-range search, overlap refusal and delete all work from"
      + " python3-caldav; a task list is made, a todo saved, searched, completed and deleted; a calendar for"
      + " VFREEBUSY is refused whole; an event calendar is made and deleted")
  void pythonCaldavClient() throws Exception {
    assertTrue(Files.isExecutable(PYTHON) && python("-c", "import caldav.davclient").exit() == 0,
        "/usr/bin/python3 cannot import caldav (sudo .ci/install-test-deps)");
    int port = hub.httpPort();
    List<String> starts = HUB.freeStarts("demo-60");
    HttpResponse<Buffer> booked = HubFixture.book(client, port, "demo-60", starts.get(0), "py@example.com").await();
    assertThat(booked.statusCode()).isEqualTo(201);
    Instant clash = Instant.parse(starts.get(0));
    Instant free = Instant.parse(starts.get(starts.size() - 1));

    Path script = workDir.resolve("client.py");
    try (InputStream in = getClass().getResourceAsStream("/interop/python_caldav_client.py")) {
      Files.write(script, in.readAllBytes());
    }
    Run run = python(script.toString(), "http://127.0.0.1:" + port + "/", "demo", HubExtension.DEMO_PASSWORD,
        UTC.format(free), UTC.format(clash));
    assertThat(run.exit()).as(run.output()).isZero();
    String last = run.output().strip().lines().reduce((a, b) -> b).orElseThrow();
    JsonObject out = new JsonObject(last);
    String base = "http://127.0.0.1:" + port + "/dav/calendars/demo/demo-room/";
    assertThat(out.getString("principal")).endsWith("/dav/principals/demo/");
    assertThat(out.getJsonArray("calendars").getList()).contains(base);
    assertThat(out.getInteger("initial_objects")).isEqualTo(1); // the booking
    String created = out.getString("created_url");
    assertThat(created).startsWith(base).endsWith(".ics");
    assertThat(out.getString("by_uid")).isEqualTo(created);
    assertThat(out.getJsonArray("found_in_range").getList()).containsExactly(created);
    assertThat(out.getJsonArray("sync_updated").getList()).containsExactly(created);
    assertThat(out.getString("clash")).isEqualTo("refused");
    assertThat(out.getJsonArray("sync_after_delete_deleted").getList()).containsExactly(created);
    String made = "http://127.0.0.1:" + port + "/dav/calendars/demo/py-events/";
    String tasks = "http://127.0.0.1:" + port + "/dav/calendars/demo/py-tasks/";
    String todo = out.getString("todo_url");
    assertThat(todo).startsWith(tasks).endsWith(".ics");
    assertThat(out.getJsonArray("todos_pending").getList()).containsExactly(todo);
    assertThat(out.getJsonArray("todos_due_in_range").getList()).containsExactly(todo);
    assertThat(out.getJsonArray("todos_due_elsewhere").getList()).isEmpty();
    assertThat(out.getString("event_in_tasks")).isEqualTo("refused");
    assertThat(out.getJsonArray("todos_pending_after_complete").getList()).isEmpty();
    assertThat(out.getJsonArray("todos_all_after_complete").getList()).containsExactly(todo);
    assertThat(out.getBoolean("completed_status")).isTrue();
    assertThat(out.getJsonArray("todos_after_delete").getList()).isEmpty();
    assertThat(out.getString("odd_calendar")).isEqualTo("refused");
    assertThat(out.getJsonArray("made_calendars").getList()).contains(made).doesNotContain(tasks)
        .doesNotContain("http://127.0.0.1:" + port + "/dav/calendars/demo/py-odd/");
    assertThat(out.getString("made_event")).startsWith(made).endsWith(".ics");
    assertThat(out.getJsonArray("calendars_after_delete").getList()).contains(base).doesNotContain(made);
  }
}
