package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.outlook.emulator.GraphEmulator;
import dev.dovetail.sync.app.BookingMirrors;
import dev.dovetail.sync.app.MirrorWriter;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.RotatedTokens;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Outlook half of calendar sync end to end inside one JVM: the Graph emulator, the real Graph SDK, the common
 * sync engine and scheduler, the notification receiver over HTTP, and the booking core's schedule guard.
 */
@DisplayName("Outlook sync end to end: Graph emulator → notifications → engine → resource schedule, and back")
class OutlookSyncIT {

  static final String PROVIDER = "prov-1";
  static final String ROOM = "room-1";
  static final Duration RECONCILE = Duration.ofSeconds(2);
  /**
   * Where the emulator's and the hub's one clock starts: a Sunday five minutes before midnight UTC, the evening before
   * the DST test's weekly series begins (so all of it lies inside the sync window), never the wall clock.
   */
  static final Instant AT = Instant.parse("2027-03-14T23:55:00Z");

  Vertx vertx;
  GraphEmulator graph;
  HttpServer receiver;
  InMemoryScheduleRepository schedules;
  InMemoryBookingRepository bookings;
  BookingMirrors bookingMirrors;
  MirrorWriter writer;
  SyncScheduler scheduler;
  GraphPushes pushes;
  String cal;
  long ticker;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, AT).await();
    graph.allowHttpNotificationUrls(); // the receiver here is a plain loopback server
    cal = graph.primaryCalendarId();
    MicrosoftIdentity identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(),
        GraphEmulator.TENANT, graph.clientId(), graph.clientSecret()));
    GraphCalendarConnector connector = new GraphCalendarConnector(vertx, identity, RotatedTokens.none(),
        GraphCalendarConnectorIT.patient(graph.graphBase()), graph.clock());
    InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
    resources.insert(TestBookings.officeHours(ROOM, PROVIDER, ZoneId.of("Europe/Berlin"))).await();
    schedules = new InMemoryScheduleRepository();
    bookings = new InMemoryBookingRepository();
    TokenCipher cipher = new TokenCipher(new byte[32]);
    InMemorySyncStore.Connections connections = new InMemorySyncStore.Connections();
    InMemorySyncStore.States states = new InMemorySyncStore.States();
    SyncContext ctx = new SyncContext(Map.of(CalendarProvider.OUTLOOK, connector), connections, states,
        new InMemorySyncStore.Mirrors(), new InMemorySyncStore.Conflicts(), resources, schedules,
        new InMemoryResourceLock(), SyncNotices.none(), cipher, Backoff.DEFAULT, graph.clock(), Math::random);
    SyncEngine engine = new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, RECONCILE);

    Router router = Router.router(vertx);
    receiver = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    scheduler = new SyncScheduler(ctx, engine, vertx, new SyncScheduler.Settings(
        "http://127.0.0.1:" + receiver.actualPort(), Duration.ofDays(2), Duration.ofHours(1), Duration.ofMillis(700)));
    pushes = new GraphPushes(ctx, scheduler);
    OutlookHooks.mount(router, pushes);
    writer = new MirrorWriter(ctx, bookings, "node-1");
    bookingMirrors = new BookingMirrors(ctx, () -> writer.runDue());

    String id = Connection.idOf(CalendarProvider.OUTLOOK, PROVIDER);
    Instant now = graph.clock().instant();
    String refresh = GraphCalendarConnectorIT.consent(identity);
    connections.save(Connection.granted(PROVIDER, CalendarProvider.OUTLOOK, GraphEmulator.USER_UPN,
            cipher.seal(refresh, id), now)
        .choosing(Map.of(cal, Set.of(ROOM)), cal, UnreachablePolicy.ACCEPT_LAST_SYNCED, now)).await();
    states.save(SyncState.initial(id, cal, now)).await();
    scheduler.tick().await();
    ticker = vertx.setPeriodic(250, t -> scheduler.tick());
    waitUntil(() -> !graph.subscriptionIds().isEmpty() && states.find(id, cal).await().orElseThrow().token() != null);
  }

  @AfterEach
  void stop() {
    vertx.cancelTimer(ticker);
    vertx.close().await();
  }

  /** Polls until the condition holds; the deadline is generous: under faketime every clock read costs a syscall and the machine may be busy. */
  static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  List<TimeRange> busy() {
    return schedules.load(ROOM).await().blocks().stream().filter(b -> b.kind() == Block.Kind.BUSY)
        .map(Block::booked).toList();
  }

  static JsonObject utcEvent(Instant start, Duration length) {
    return GraphCalendarConnectorIT.event("Private", start.toString().replace("Z", ""),
        start.plus(length).toString().replace("Z", ""), "UTC");
  }

  /** Creates {@code n} events one after the other; returns each one's milliseconds until its time was blocked. */
  List<Long> blockLatencies(int n) throws InterruptedException {
    List<Long> latencies = new ArrayList<>();
    Instant base = graph.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3));
    for (int i = 0; i < n; i++) {
      Instant start = base.plus(Duration.ofMinutes(30L * i));
      TimeRange expected = new TimeRange(start, start.plus(Duration.ofMinutes(20)));
      long began = System.nanoTime();
      graph.createEvent(cal, utcEvent(start, Duration.ofMinutes(20)));
      waitUntil(() -> busy().contains(expected));
      latencies.add((System.nanoTime() - began) / 1_000_000);
    }
    return latencies;
  }

  static long p95(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
  }

  @Test
  @DisplayName("With notifications on, an Outlook event blocks the resource's time (latency printed; bench: -Doutlook.changes=100)")
  void notificationsBlockTheSlot() throws Exception {
    List<Long> latencies = blockLatencies(Integer.getInteger("outlook.changes", 10));
    System.out.printf("outlook event -> slot blocked, notifications on: n=%d p50=%d ms p95=%d ms max=%d ms%n",
        latencies.size(), latencies.stream().sorted().toList().get(latencies.size() / 2), p95(latencies),
        Collections.max(latencies));
    assertThat(graph.deliveries()).isNotEmpty();
  }

  @Test
  @DisplayName("With every notification dropped, reconciliation still blocks the time")
  void droppedNotificationsReconcile() throws Exception {
    graph.notifyPolicy(20, 1.0, 0, false);
    List<Long> latencies = blockLatencies(3);
    System.out.printf("outlook event -> slot blocked, notifications dropped: %s ms (reconcile every %d ms)%n",
        latencies, RECONCILE.toMillis());
    assertThat(graph.droppedNotifications()).isGreaterThanOrEqualTo(3);
  }

  @Test
  @DisplayName("A weekly series in W. Europe Standard Time across the DST change blocks exactly its instants, and a deleted occurrence frees its hour")
  void dstSeriesBlocksExactInstants() throws Exception {
    String master = graph.createEvent(cal, GraphCalendarConnectorIT.event("Physio", "2027-03-15T09:00:00.0000000",
        "2027-03-15T10:00:00.0000000", "W. Europe Standard Time").put("recurrence", new JsonObject()
            .put("pattern", new JsonObject().put("type", "weekly").put("interval", 1)
                .put("daysOfWeek", new JsonArray().add("monday")).put("firstDayOfWeek", "monday"))
            .put("range", new JsonObject().put("type", "endDate").put("startDate", "2027-03-15")
                .put("endDate", "2027-04-05").put("recurrenceTimeZone", "W. Europe Standard Time"))))
        .getString("id");
    List<TimeRange> expected = List.of("2027-03-15T08:00:00Z", "2027-03-22T08:00:00Z", "2027-03-29T07:00:00Z",
        "2027-04-05T07:00:00Z").stream().map(s -> new TimeRange(Instant.parse(s),
            Instant.parse(s).plus(Duration.ofHours(1)))).toList();
    waitUntil(() -> busy().containsAll(expected));
    assertThat(busy()).containsExactlyInAnyOrderElementsOf(expected);

    String third = graph.view(cal, Instant.parse("2027-03-29T00:00:00Z"), Instant.parse("2027-03-30T00:00:00Z"))
        .get(0).getString("id");
    graph.deleteEvent(third);
    waitUntil(() -> busy().size() == 3);
    assertThat(busy()).doesNotContain(expected.get(2));
    assertThat(master).isNotBlank();
  }

  @Test
  @DisplayName("A confirmed booking appears in Outlook once, is not echoed back as busy time, and its cancellation removes it")
  void bookingsAppearAndDisappear() throws Exception {
    Instant start = graph.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(5)).plus(Duration.ofHours(9));
    Instant now = graph.clock().instant();
    Booking booking = new Booking("bk-1", PROVIDER, ROOM, "type-1", new TimeRange(start, start.plus(Duration.ofHours(1))),
        ZoneId.of("Europe/Berlin"), "Ada", "ada@example.test", BookingStatus.CONFIRMED, null, null, 1, now, now);
    bookings.insertAll(List.of(booking)).await();
    bookingMirrors.record(List.of(new BookingChange(BookingChange.Kind.BOOKED, booking, null,
        BookingChange.Actor.CUSTOMER))).await();

    waitUntil(() -> graph.eventCount() == 1);
    JsonObject written = graph.view(cal, start.minusSeconds(1), start.plusSeconds(1)).get(0);
    assertThat(written.getString("subject")).contains("Ada");
    // The write comes back through notification and delta: recognised as ours, it never becomes busy time.
    TimeRange other = new TimeRange(start.plus(Duration.ofHours(3)), start.plus(Duration.ofHours(4)));
    graph.createEvent(cal, utcEvent(other.start(), Duration.ofHours(1)));
    waitUntil(() -> busy().contains(other));
    assertThat(busy()).doesNotContain(booking.time());

    Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, graph.clock().instant());
    bookings.update(cancelled).await();
    bookingMirrors.record(List.of(new BookingChange(BookingChange.Kind.CANCELLED, cancelled, booking,
        BookingChange.Actor.CUSTOMER))).await();
    waitUntil(() -> graph.eventCount() == 1);
    assertThat(graph.view(cal, start.minusSeconds(1), start.plusSeconds(1))).isEmpty();
  }

  @Test
  @DisplayName("subscriptionRemoved: the channel is replaced by a new subscription and changes flow again")
  void subscriptionRemovedIsReplaced() throws Exception {
    String old = graph.subscriptionIds().get(0);
    graph.lifecycle(old, "subscriptionRemoved");
    waitUntil(() -> !graph.subscriptionIds().isEmpty() && !graph.subscriptionIds().contains(old));
    assertThat(blockLatencies(1)).hasSize(1);
    assertThat(pushes.ignored()).isZero();
  }

  @Test
  @DisplayName("a notification with a wrong clientState or an unknown subscription is ignored (still answered 202)")
  void spoofedNotificationsAreIgnored() {
    String subscription = graph.subscriptionIds().get(0);
    var web = io.vertx.ext.web.client.WebClient.create(vertx);
    String hook = "http://127.0.0.1:" + receiver.actualPort() + OutlookHooks.PATH;
    JsonObject forged = new JsonObject().put("value", new JsonArray()
        .add(new JsonObject().put("subscriptionId", subscription).put("clientState", "guess")
            .put("changeType", "created"))
        .add(new JsonObject().put("subscriptionId", "unknown").put("clientState", "guess")
            .put("changeType", "created")));

    int status = web.postAbs(hook).sendJsonObject(forged).await().statusCode();

    assertThat(status).isEqualTo(202);
    assertThat(pushes.ignored()).isEqualTo(2);
  }
}
