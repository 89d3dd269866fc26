package dev.dovetail.caldav.hostile;

import static dev.dovetail.caldav.CalDavServerFixture.ROOM;
import static dev.dovetail.caldav.CalDavServerFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.caldav.CalDavServerFixture;
import dev.dovetail.caldav.hostile.HostileCorpus.HostileRequest;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sends 10,000 generated hostile requests ({@link HostileCorpus}) to an in-process CalDAV server whose calendar holds
 * long-running series, and checks that every answer is 2xx or 4xx and that the server still serves a plain query
 * afterwards. Latencies are recorded in {@code target/hostile-input-report.txt} (numbers in
 * docs/caldav-compliance.md), not asserted.
 */
@DisplayName("Hostile input: 10,000 generated iCalendar and XML bodies, never a 5xx")
class HostileInputTest {

  static final int BODIES = Integer.getInteger("hostile.bodies", 10_000);
  static final long SEED = 14;

  private CalDavServerFixture dav;

  @BeforeEach
  void start() {
    dav = new CalDavServerFixture();
  }

  @AfterEach
  void stop() {
    dav.close();
  }

  /** Series that stay in the calendar, so that every query and expansion has work to do. */
  static List<String> standingSeries() {
    return List.of(
        event("hourly@seed", "20261124T090000Z", "20261124T090100Z", "TRANSP:TRANSPARENT\r\nRRULE:FREQ=HOURLY\r\n"),
        event("daily@seed", "19000101T070000Z", "19000101T071500Z",
            "TRANSP:TRANSPARENT\r\nRRULE:FREQ=DAILY;COUNT=5000\r\n"),
        event("weekly@seed", "20261123T120000Z", "20261123T130000Z", "TRANSP:TRANSPARENT\r\n"
            + "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n"),
        event("yearly@seed", "20000229T100000Z", "20000229T110000Z", "RRULE:FREQ=YEARLY\r\n"));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  @DisplayName("every one of 10,000 hostile requests is answered 2xx or 4xx, and the server keeps serving")
  void hostileRequestsNeverFailTheServer() throws IOException {
    List<String> seeds = standingSeries();
    for (int i = 0; i < seeds.size(); i++) {
      assertThat(dav.put("seed-" + i + ".ics", seeds.get(i)).status()).isEqualTo(201);
    }
    HostileCorpus corpus = new HostileCorpus(SEED);
    Latencies latencies = new Latencies();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      HostileRequest r = corpus.next();
      String path = switch (r.target()) {
        case OBJECT -> ROOM + "h" + (i % 40) + ".ics";
        case CALENDAR -> ROOM;
        case NEW_CALENDAR -> "/dav/calendars/alice/new-" + (i % 25) + "/";
        case HOME -> "/dav/calendars/alice/";
      };
      long begin = System.nanoTime();
      int status = dav.requestBytes(dav.port(), r.method(), path, Buffer.buffer(r.body()), r.headers()).status();
      latencies.add(r.kind(), status, System.nanoTime() - begin, r.preview());
      if (i % 1000 == 999) {
        Files.writeString(Path.of("target", "hostile-input-report.txt"), latencies.report("progress " + i));
      }
      if (status >= 500 || status < 200) {
        failures.add(i + " → " + status + ": " + r.preview());
      }
    }
    Path report = Path.of("target", "hostile-input-report.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, latencies.report("in-process CalDAV server, seed " + SEED));
    assertThat(failures).as("requests answered with 5xx").isEmpty();
    assertThat(latencies.count()).isEqualTo(BODIES);
    assertThat(dav.request("REPORT", ROOM, "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:"
        + "caldav\"><d:prop><d:getetag/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\"><c:comp-filter"
        + " name=\"VEVENT\"><c:time-range start=\"20270104T000000Z\" end=\"20270105T000000Z\"/></c:comp-filter>"
        + "</c:comp-filter></c:filter></c:calendar-query>").body()).contains("seed-0.ics");
  }
}
