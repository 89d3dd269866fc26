package dev.dovetail.bench.caldav;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.bench.BenchHub;
import dev.dovetail.bench.load.LoadDriver;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.caldav.backend.IcsParser;
import dev.dovetail.calendar.app.CalendarWriteService;
import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.security.BcryptPasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CalDAV load driver: the same calendars ({@link BenchCalendar}) and the same requests against Dovetail and against
 * Radicale, on one machine. Three calendars: {@code small} (100 events), {@code bench} (5,000) and {@code large}
 * (10,000). Phases:
 *
 * <ul>
 *   <li><b>answers</b>: five one-week calendar-queries on {@code bench}, printing how many objects each server found
 *       (the two servers must agree);
 *   <li><b>time-range query</b>: calendar-query for a one-week time range (weeks spread over the two years of data),
 *       asking for getetag and calendar-data, on {@code bench}; then the same asking for getetag only (how DAVx5,
 *       Thunderbird and tsdav poll before a multiget);
 *   <li><b>sync after one change</b>: per calendar, read its sync token, PUT one new event, then sync-collection
 *       from that token (one change in every answer), on 100, 5,000 and 10,000 events.
 * </ul>
 *
 * <p>Modes (see docs/benchmarks.md): {@code dovetail [requests] [concurrency]} starts a hub in this JVM on the
 * embedded on-disk store and seeds it through the store; {@code radicale-folder <dir>} writes the same calendars as a
 * Radicale storage folder; {@code radicale <url> [requests] [concurrency]} runs the phases against a running Radicale
 * (user {@code bench}).
 */
public final class CalDavLoadDriver {

  private static final Map<String, Integer> CALENDARS = new LinkedHashMap<>();
  private static final String MAIN = "bench";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter UTC_DAY = DateTimeFormatter.ofPattern("yyyyMMdd'T'000000'Z'");
  private static final Pattern TOKEN = Pattern.compile("sync-token>([^<]+)<");
  private static final Pattern RESPONSE = Pattern.compile("<(\\w+:)?response[ >]");

  static {
    CALENDARS.put("small", 100);
    CALENDARS.put(MAIN, 5_000);
    CALENDARS.put("large", 10_000);
  }

  /** Where the calendars are and how to log in. */
  record Target(WebClient client, String authorization, String home) {
    String calendar(String name) {
      return home + name + "/";
    }
  }

  private CalDavLoadDriver() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "dovetail";
    switch (mode) {
      case "radicale-folder" -> writeRadicaleFolder(Path.of(args[1]));
      case "radicale" -> {
        URI url = URI.create(args.length > 1 ? args[1] : "http://127.0.0.1:5232");
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Vertx vertx = Vertx.vertx();
        try {
          Target target = new Target(BenchHub.client(vertx, url.getHost(), url.getPort(), concurrency),
              basic("bench", "bench"), "/bench/");
          phases(vertx, target, requests, concurrency);
        } finally {
          vertx.close().await();
        }
      }
      case "dovetail" -> dovetail(args.length > 1 ? Integer.parseInt(args[1]) : 5_000,
          args.length > 2 ? Integer.parseInt(args[2]) : 16);
      default -> throw new IllegalArgumentException("mode: dovetail | radicale-folder <dir> | radicale <url>");
    }
  }

  private static void dovetail(int requests, int concurrency) throws IOException {
    try (BenchHub bench = BenchHub.start()) {
      long began = System.nanoTime();
      String appPassword = seed(bench.vertx(), bench.store(), CALENDARS);
      System.out.printf("seeded %s in %.1f s%n", CALENDARS, (System.nanoTime() - began) / 1e9);
      phases(bench.vertx(), target(bench, appPassword, concurrency), requests, concurrency);
    }
  }

  private static void phases(Vertx vertx, Target target, int requests, int concurrency) {
    System.out.printf("requests=%d concurrency=%d cores=%d%n", requests, concurrency,
        Runtime.getRuntime().availableProcessors());
    for (int week : new int[] {0, 17, 40, 63, 101}) {
      var r = report(target, target.calendar(MAIN), query(week)).toCompletionStage().toCompletableFuture().join();
      System.out.printf("answers: week %3d from %s -> status %d, %d objects%n", week,
          BenchCalendar.FIRST_DAY.plusWeeks(week), r.statusCode(), count(r.bodyAsString()));
    }
    int warmUp = Math.max(2, Math.min(500, requests / 5));
    LoadDriver.run(vertx, "warm-up (query)", warmUp, concurrency,
        i -> status(target, target.calendar(MAIN), query(i * 31 % 104)));
    LoadDriver.run(vertx, "time-range query", requests, concurrency,
        i -> status(target, target.calendar(MAIN), query(i * 7 % 104)));
    LoadDriver.run(vertx, "same, etags only", requests, concurrency,
        i -> status(target, target.calendar(MAIN), query(i * 7 % 104).replace("<c:calendar-data/>", "")));
    int change = 0;
    for (Map.Entry<String, Integer> calendar : CALENDARS.entrySet()) {
      String path = target.calendar(calendar.getKey());
      String token = syncToken(target, path);
      String name = "bench-change-" + System.nanoTime() + ".ics";
      int put = target.client().put(path + name).putHeader("Authorization", target.authorization())
          .putHeader("Content-Type", "text/calendar; charset=utf-8")
          .sendBuffer(Buffer.buffer(changeEvent(name, change++))).await().statusCode();
      var first = report(target, path, sync(token)).await();
      System.out.printf("sync on %s (%d events): PUT %d, then %d change(s) since the token%n", calendar.getKey(),
          calendar.getValue(), put, count(first.bodyAsString()));
      LoadDriver.run(vertx, "warm-up (sync " + calendar.getValue() + ")", warmUp, concurrency,
          i -> status(target, path, sync(token)));
      LoadDriver.run(vertx, "sync, " + calendar.getValue() + " events", requests, concurrency,
          i -> status(target, path, sync(token)));
    }
  }

  static String query(int week) {
    LocalDate from = BenchCalendar.FIRST_DAY.plusWeeks(week);
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        + "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
        + "<d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR\">"
        + "<c:comp-filter name=\"VEVENT\"><c:time-range start=\"" + UTC_DAY.format(from) + "\" end=\""
        + UTC_DAY.format(from.plusDays(7)) + "\"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
  }

  private static String sync(String token) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\"><d:sync-token>" + token
        + "</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>";
  }

  static Future<HttpResponse<Buffer>> report(Target t, String path, String body) {
    return t.client().request(HttpMethod.REPORT, path).putHeader("Authorization", t.authorization())
        .putHeader("Depth", "1").putHeader("Content-Type", "application/xml; charset=utf-8")
        .sendBuffer(Buffer.buffer(body));
  }

  /**
   * A REPORT whose answer is read to its end and dropped chunk by chunk (the load phases only count statuses), so that
   * the driver spends no CPU gathering a copy of every answer: what is measured is the server, and reading its bytes.
   */
  static Future<Integer> status(Target t, String path, String body) {
    return t.client().request(HttpMethod.REPORT, path).putHeader("Authorization", t.authorization())
        .putHeader("Depth", "1").putHeader("Content-Type", "application/xml; charset=utf-8")
        .as(BodyCodec.pipe(new DiscardedBody(), false)).sendBuffer(Buffer.buffer(body))
        .map(HttpResponse::statusCode);
  }

  private static String syncToken(Target t, String path) {
    String body = t.client().request(HttpMethod.PROPFIND, path).putHeader("Authorization", t.authorization())
        .putHeader("Depth", "0").putHeader("Content-Type", "application/xml; charset=utf-8")
        .sendBuffer(Buffer.buffer("<?xml version=\"1.0\"?><d:propfind xmlns:d=\"DAV:\"><d:prop><d:sync-token/>"
            + "</d:prop></d:propfind>")).await().bodyAsString();
    Matcher m = TOKEN.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("no sync-token in " + body);
    }
    return m.group(1);
  }

  static int count(String body) {
    Matcher m = RESPONSE.matcher(body == null ? "" : body);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String changeEvent(String name, int n) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Dovetail//bench//EN\r\nBEGIN:VEVENT\r\nUID:" + name
        + "\r\nDTSTAMP:20260501T120000Z\r\nDTSTART:2030010" + (1 + n) + "T090000Z\r\nDTEND:2030010" + (1 + n)
        + "T100000Z\r\nSUMMARY:Changed\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  /** Provider {@code bench} with one non-bookable resource per calendar, filled through the store; an app password. */
  static String seed(Vertx vertx, MongoStore store, Map<String, Integer> calendars) {
    Instant now = Instant.now();
    store.providers().insert(new Provider("bench", "Bench", "bench@example.com", BERLIN, now)).await();
    AccountService accounts = new AccountService(store.providers(), store.accounts(), store.credentials(),
        new BcryptPasswordHasher(vertx, 4), Clock.systemUTC());
    store.accounts().insert(new Account("bench@example.com", "bench", "unused")).await();
    String secret = accounts.issue("bench", Credential.Kind.APP_PASSWORD, "bench").await().secret();
    long seed = 1;
    for (Map.Entry<String, Integer> calendar : calendars.entrySet()) {
      String id = calendar.getKey();
      store.resources().insert(new Resource(id, "bench", id, BERLIN, false,
          new AvailabilityRule(Map.of(), List.of(), Map.of(), Set.of()))).await();
      List<CalendarObject> objects = new ArrayList<>();
      List<Block> blocks = new ArrayList<>();
      long sequence = 0;
      for (BenchCalendar.Item item : BenchCalendar.generate(calendar.getValue(), seed++)) {
        var parsed = IcsParser.parseForPut(item.ics(), BERLIN, now);
        objects.add(CalendarObject.of(item.name(), parsed.uid(), item.ics(), false).atSequence(++sequence));
        blocks.addAll(CalendarWriteService.busyBlocks(id, item.name(), parsed.blocking(), now));
      }
      long last = sequence;
      // what one PUT per event would have stored, written at once: the calendar, then its busy time
      store.calendars().update(id, c -> new CalendarCollection(id, c.revision(), last, Map.of(), objects, List.of(),
          0)).await();
      store.schedules().update(id, s -> s.place(blocks, now)).await();
      System.out.printf("calendar %s: %d events, %d busy blocks%n", id, objects.size(), blocks.size());
    }
    return secret;
  }

  /** The same calendars as a Radicale storage folder (collection-root/bench/{small,bench,large}). */
  private static void writeRadicaleFolder(Path root) throws IOException {
    long seed = 1;
    for (Map.Entry<String, Integer> calendar : CALENDARS.entrySet()) {
      Path dir = root.resolve("collection-root").resolve("bench").resolve(calendar.getKey());
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(".Radicale.props"),
          "{\"C:supported-calendar-component-set\": \"VEVENT\", \"D:displayname\": \"" + calendar.getKey()
              + "\", \"tag\": \"VCALENDAR\"}");
      for (BenchCalendar.Item item : BenchCalendar.generate(calendar.getValue(), seed++)) {
        Files.writeString(dir.resolve(item.name()), item.ics(), StandardCharsets.UTF_8);
      }
      System.out.printf("wrote %s: %d events%n", dir, calendar.getValue());
    }
  }

  /** The seeded provider's calendar home on the bench hub, with {@code concurrency} connections. */
  static Target target(BenchHub bench, String appPassword, int concurrency) {
    return new Target(bench.client(concurrency), basic("bench", appPassword), "/dav/calendars/bench/");
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

}
