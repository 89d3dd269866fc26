package dev.dovetail.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * What one CalDAV PUT sends to the store and how many durability waits it asks for before its answer (issue 17, ADR
 * 78), counted from the MongoDB driver's command log and the embedded store's durability requests on a hub with its
 * own on-disk store: the resource, calendar and schedule are read once each, and the schedule is written (with its own
 * wait, before the calendar's) only when the object's blocks change. The part documents filed after a commit are not
 * counted: they run beside the durability wait, not before the answer.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@DisplayName("A CalDAV PUT's store commands and durability waits")
class CalDavPutRoundTripsIT {

  private static final String ROOM = "/dav/calendars/demo/demo-room/";
  private static final Set<String> COUNTED = Set.of("resources", "calendars", "schedules");
  private static final Pattern STARTED =
      Pattern.compile("Command \"(\\w+)\" started.*?Command: \\{\"\\w+\": \"?([\\w.$]+)");
  private static final DateTimeFormatter ICS_UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /**
   * The hub opens its embedded store itself, as {@code ./dovetail} does: only then does it wait for durability (a hub
   * given a store's URI, as {@link HubExtension} gives it by default, treats an acknowledged write as durable).
   */
  @RegisterExtension
  static final HubExtension HUB = HubExtension.builder().clock(MovableClock.frozen())
      .config(c -> c.withStore(new AppConfig.Store(c.store().dataDir().resolve("own-store"), null,
          c.store().database(), 0)))
      .build();

  private static final int TRIES = 3;
  private static final Commands COMMANDS = new Commands();
  private static Level level;

  @BeforeAll
  static void listen() {
    Logger logger = (Logger) LoggerFactory.getLogger("org.mongodb.driver.protocol.command");
    level = logger.getLevel();
    COMMANDS.setContext(logger.getLoggerContext());
    COMMANDS.start();
    logger.addAppender(COMMANDS);
    logger.setLevel(Level.DEBUG);
  }

  @AfterAll
  static void stopListening() {
    Logger logger = (Logger) LoggerFactory.getLogger("org.mongodb.driver.protocol.command");
    logger.detachAppender(COMMANDS);
    logger.setLevel(level);
  }

  /** The resource before the lock and under it, the calendar, the schedule (its revision), and both writes. */
  private static final Map<String, Integer> BOTH_WRITTEN = Map.of("find resources", 2, "find calendars", 1,
      "find schedules", 1, "update schedules", 1, "update calendars", 1);
  /** The same reads, and the calendar's write alone. */
  private static final Map<String, Integer> CALENDAR_ONLY = Map.of("find resources", 2, "find calendars", 1,
      "find schedules", 1, "update calendars", 1);

  @Test
  @DisplayName("an event that blocks time: three reads, the schedule's and the calendar's compare-and-set, two waits")
  void blockingEvent() {
    put("warm-up.ics", event("warm-up@test", 2, "OPAQUE", "Warm-up"), null);
    List<Trip> trips = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      trips.add(put("busy-" + i + ".ics", event("busy-" + i + "@test", 3 + i, "OPAQUE", "Busy"), null, 201));
    }
    assertFewest(trips, BOTH_WRITTEN, 2);
  }

  @Test
  @DisplayName("a transparent event, or an edit that keeps an event's times: the calendar's compare-and-set alone, one wait")
  void sameBlocks() {
    put("warm-up-2.ics", event("warm-up-2@test", 10, "OPAQUE", "Warm-up"), null);
    List<Trip> free = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      free.add(put("free-" + i + ".ics", event("free-" + i + "@test", 11, "TRANSPARENT", "Free"), null, 201));
    }
    assertFewest(free, CALENDAR_ONLY, 1);

    String etag = put("kept.ics", event("kept@test", 12, "OPAQUE", "Kept"), null).etag();
    List<Trip> renamed = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      renamed.add(put("kept.ics", event("kept@test", 12, "OPAQUE", "Renamed " + i), etag, 204));
      etag = renamed.get(i).etag();
    }
    assertFewest(renamed, CALENDAR_ONLY, 1);

    // a change of times moves the blocks: the schedule is written, and made durable, before the calendar
    List<Trip> moved = new ArrayList<>();
    for (int i = 0; i < TRIES; i++) {
      moved.add(put("kept.ics", event("kept@test", 13 + i, "OPAQUE", "Moved"), etag, 204));
      etag = moved.get(i).etag();
    }
    assertFewest(moved, BOTH_WRITTEN, 2);
  }

  private static void assertFewest(List<Trip> trips, Map<String, Integer> commands, long durabilityWaits) {
    Trip fewest = fewest(trips);
    assertThat(fewest.commands()).isEqualTo(commands);
    assertThat(fewest.durabilityWaits()).as("durability waits before the answer").isEqualTo(durabilityWaits);
  }

  /** A PUT that must answer {@code status}. */
  private static Trip put(String name, String ics, String ifMatch, int status) {
    Trip trip = put(name, ics, ifMatch);
    assertThat(trip.status()).isEqualTo(status);
    return trip;
  }

  /**
   * The fewest commands of each kind and durability waits over PUTs of one kind: the hub's own timers (the janitor's
   * sweep each minute) can only add to what a PUT's window shows, and cannot be in every one of them.
   */
  private static Trip fewest(List<Trip> trips) {
    Map<String, Integer> least = new TreeMap<>();
    trips.forEach(t -> t.commands().keySet().forEach(k -> least.put(k, Integer.MAX_VALUE)));
    least.replaceAll((k, v) -> trips.stream().mapToInt(t -> t.commands().getOrDefault(k, 0)).min().orElse(0));
    least.values().removeIf(v -> v == 0);
    long waits = trips.stream().mapToLong(Trip::durabilityWaits).min().orElse(0);
    return new Trip(trips.get(0).status(), trips.get(0).etag(), least, waits);
  }

  /** What one PUT did before its answer. */
  private record Trip(int status, String etag, Map<String, Integer> commands, long durabilityWaits) {}

  private static Trip put(String name, String ics, String ifMatch) {
    String auth = "Basic " + Base64.getEncoder()
        .encodeToString(("demo:" + HubExtension.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    var request = HUB.client().put(HUB.port(), "127.0.0.1", ROOM + name).putHeader("Authorization", auth)
        .putHeader("Content-Type", "text/calendar");
    if (ifMatch != null) {
      request.putHeader("If-Match", ifMatch);
    }
    long before = HUB.hub().storeCommitFigures()[0];
    COMMANDS.clear();
    HttpResponse<Buffer> response = request.sendBuffer(Buffer.buffer(ics)).await();
    Map<String, Integer> commands = COMMANDS.counted();
    long waits = HUB.hub().storeCommitFigures()[0] - before;
    assertThat(response.statusCode()).as(response.bodyAsString()).isLessThan(300);
    return new Trip(response.statusCode(), response.getHeader("ETag"), commands, waits);
  }

  /** An hour-long event {@code days} after the hub's clock, at 10:00 UTC. */
  private static String event(String uid, int days, String transparency, String summary) {
    Instant start = HUB.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days)).plus(
        Duration.ofHours(10));
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + ICS_UTC.format(start) + "\r\nDURATION:PT1H\r\nTRANSP:"
        + transparency + "\r\nSUMMARY:" + summary + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  /** The driver's started commands on the counted collections, as "command collection". */
  private static final class Commands extends AppenderBase<ILoggingEvent> {

    private final List<String> seen = new ArrayList<>();

    @Override
    protected synchronized void append(ILoggingEvent event) {
      Matcher m = STARTED.matcher(event.getFormattedMessage());
      if (m.find() && COUNTED.contains(m.group(2))) {
        seen.add(m.group(1) + " " + m.group(2));
      }
    }

    synchronized void clear() {
      seen.clear();
    }

    synchronized Map<String, Integer> counted() {
      Map<String, Integer> counts = new TreeMap<>();
      seen.forEach(c -> counts.merge(c, 1, Integer::sum));
      return counts;
    }
  }
}
