package dev.dovetail.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
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
import dev.dovetail.sync.domain.ConnectionState;
import dev.dovetail.sync.domain.GrantedAccount;
import dev.dovetail.sync.domain.SyncState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.testkit.InMemorySyncStore;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.TestBookings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * App-only Outlook connections end to end (ADR 21): azure-identity's ClientSecretCredential gets the app's token from
 * the emulated identity platform over HTTPS (MSAL refuses anything else), the Graph SDK addresses the named mailbox
 * as {@code /users/{upn}} (the emulator refuses {@code /me} for app tokens, as Graph does), and the common sync
 * engine does the rest. The test trusts the emulator's fresh self-signed certificate through its own azure-core
 * HTTP client, so nothing JVM-wide changes.
 */
@DisplayName("Outlook app-only connections through azure-identity: client credentials over HTTPS, /users/{upn}")
class OutlookAppOnlySyncIT {

  static final String PROVIDER = "prov-1";
  static final String ROOM = "room-1";

  Vertx vertx;
  GraphEmulator graph;
  InMemoryScheduleRepository schedules;
  InMemoryBookingRepository bookings;
  InMemorySyncStore.Connections connections;
  BookingMirrors bookingMirrors;
  MirrorWriter writer;
  String connectionId;
  String cal;
  long ticker;

  SyncScheduler scheduler;
  InMemorySyncStore.States states;

  @BeforeEach
  void startEmulator() {
    vertx = Vertx.vertx();
    graph = GraphEmulator.start(vertx, OutlookSyncIT.AT).await().withTls().await();
    graph.allowHttpNotificationUrls(); // the receiver here is a plain loopback server
  }

  /** A hub-side sync set up with the app's id and this secret, and one app-only connection to the emulator's mailbox. */
  void connect(String clientSecret) throws Exception {
    cal = graph.primaryCalendarId();
    SslContext trustEmulator = SslContextBuilder.forClient().trustManager(graph.tlsCertificate()).build();
    MicrosoftAppAccess app = new MicrosoftAppAccess(new MicrosoftAppAccess.Settings(graph.loginBaseTls(),
        GraphEmulator.TENANT, graph.clientId(), clientSecret),
        new NettyAsyncHttpClientBuilder(reactor.netty.http.client.HttpClient.create()
            .secure(spec -> spec.sslContext(trustEmulator))).build());
    GraphCalendarConnector connector = GraphCalendarConnector.appOnly(vertx, app,
        GraphCalendarConnectorIT.patient(graph.graphBase()), graph.clock());

    InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
    resources.insert(TestBookings.officeHours(ROOM, PROVIDER, ZoneId.of("Europe/Berlin"))).await();
    schedules = new InMemoryScheduleRepository();
    bookings = new InMemoryBookingRepository();
    TokenCipher cipher = new TokenCipher(new byte[32]);
    connections = new InMemorySyncStore.Connections();
    states = new InMemorySyncStore.States();
    SyncContext ctx = new SyncContext(Map.of(CalendarProvider.OUTLOOK, connector), connections, states,
        new InMemorySyncStore.Mirrors(), new InMemorySyncStore.Conflicts(), resources, schedules,
        new InMemoryResourceLock(), SyncNotices.none(), cipher, Backoff.DEFAULT, graph.clock(), Math::random);
    SyncEngine engine = new SyncEngine(ctx, FreedTime.none(), BusyPolicy.DEFAULT, Duration.ofSeconds(2));
    Router router = Router.router(vertx);
    HttpServer receiver = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    scheduler = new SyncScheduler(ctx, engine, vertx, new SyncScheduler.Settings(
        "http://127.0.0.1:" + receiver.actualPort(), Duration.ofDays(2), Duration.ofHours(1), Duration.ofMillis(700)));
    OutlookHooks.mount(router, new GraphPushes(ctx, scheduler));
    writer = new MirrorWriter(ctx, bookings, "node-1");
    bookingMirrors = new BookingMirrors(ctx, () -> writer.runDue());

    // App-only: the connection names the mailbox; there is no refresh token to seal.
    connectionId = Connection.idOf(CalendarProvider.OUTLOOK, PROVIDER);
    Instant now = graph.clock().instant();
    connections.save(Connection.granted(PROVIDER, CalendarProvider.OUTLOOK, GraphEmulator.USER_UPN,
            cipher.seal("", connectionId), now)
        .choosing(Map.of(cal, Set.of(ROOM)), cal, UnreachablePolicy.ACCEPT_LAST_SYNCED, now)).await();
    states.save(SyncState.initial(connectionId, cal, now)).await();
    scheduler.tick();
    ticker = vertx.setPeriodic(250, t -> scheduler.tick());
  }

  void connectAndSync() throws Exception {
    connect(graph.clientSecret());
    OutlookSyncIT.waitUntil(() -> !graph.subscriptionIds().isEmpty()
        && states.find(connectionId, cal).await().orElseThrow().token() != null);
  }

  /** Request paths as Graph reads them (the SDK escapes the @ of a principal name). */
  List<String> paths(String method) {
    return graph.requests().stream().filter(r -> r.method().equals(method))
        .map(r -> URLDecoder.decode(r.path(), StandardCharsets.UTF_8)).toList();
  }

  @AfterEach
  void stop() {
    vertx.cancelTimer(ticker);
    vertx.close().await();
  }

  List<TimeRange> busy() {
    return schedules.load(ROOM).await().blocks().stream().filter(b -> b.kind() == Block.Kind.BUSY)
        .map(Block::booked).toList();
  }

  @Test
  @DisplayName("An event in the named mailbox blocks the slot; every Graph call went to /users/{upn}, never /me")
  void eventInMailboxBlocksTheSlot() throws Exception {
    connectAndSync();
    Instant start = graph.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(3)).plus(Duration.ofHours(10));
    TimeRange expected = new TimeRange(start, start.plus(Duration.ofMinutes(45)));
    graph.createEvent(cal, OutlookSyncIT.utcEvent(start, Duration.ofMinutes(45)));

    OutlookSyncIT.waitUntil(() -> busy().contains(expected));

    List<String> reads = paths("GET").stream().filter(p -> p.startsWith("/v1.0/")).toList();
    assertThat(reads).isNotEmpty().allMatch(p -> p.startsWith("/v1.0/users/" + GraphEmulator.USER_UPN + "/"));
    assertThat(graph.subscriptions().getJsonObject(0).getString("resource"))
        .startsWith("/users/" + GraphEmulator.USER_UPN + "/calendars/");
    // azure-identity asked the identity platform for the app's token and reused it while it was valid.
    assertThat(paths("POST")).filteredOn(p -> p.equals("/" + GraphEmulator.TENANT + "/oauth2/v2.0/token"))
        .hasSize(1);
  }

  @Test
  @DisplayName("A confirmed booking appears in the named mailbox")
  void bookingAppearsInMailbox() throws Exception {
    connectAndSync();
    Instant start = graph.clock().instant().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(5)).plus(Duration.ofHours(9));
    Instant now = graph.clock().instant();
    Booking booking = new Booking("bk-1", PROVIDER, ROOM, "type-1",
        new TimeRange(start, start.plus(Duration.ofHours(1))), ZoneId.of("Europe/Berlin"), "Ada",
        "ada@example.test", BookingStatus.CONFIRMED, null, null, 1, now, now);
    bookings.insertAll(List.of(booking)).await();
    bookingMirrors.record(List.of(new BookingChange(BookingChange.Kind.BOOKED, booking, null,
        BookingChange.Actor.CUSTOMER))).await();

    OutlookSyncIT.waitUntil(() -> graph.eventCount() == 1);
    JsonObject written = graph.view(cal, start.minusSeconds(1), start.plusSeconds(1)).get(0);
    assertThat(written.getString("subject")).contains("Ada");
    assertThat(paths("POST")).contains("/v1.0/users/" + GraphEmulator.USER_UPN + "/calendars/" + cal + "/events");
  }

  @Test
  @DisplayName("The app-only connect step is a sign-in without offline_access: the grant names the signed-in mailbox and keeps no refresh token")
  void connectIsASignInThatProvesTheMailbox() throws Exception {
    MicrosoftIdentity identity = new MicrosoftIdentity(new MicrosoftIdentity.Settings(graph.loginBase(),
        GraphEmulator.TENANT, graph.clientId(), graph.clientSecret()));
    MicrosoftOAuthClient signIn = MicrosoftOAuthClient.signInOnly(vertx, identity, graph.graphBase());
    String redirect = "http://127.0.0.1:1/connect/outlook/callback";
    String url = signIn.authorizationUrl("st-1", redirect);
    assertThat(URLDecoder.decode(url, StandardCharsets.UTF_8)).contains("scope=" + MicrosoftIdentity.SIGN_IN_SCOPES)
        .doesNotContain("offline_access");

    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
    String code = answer.headers().firstValue("Location").orElseThrow().replaceAll(".*[?&]code=([^&]+).*", "$1");
    GrantedAccount granted = signIn.exchange(code, redirect).await();

    assertThat(granted.account()).isEqualTo(GraphEmulator.USER_UPN);
    assertThat(granted.refreshToken()).isEmpty();
  }

  @Test
  @DisplayName("A client secret the identity platform refuses breaks the connection with the AADSTS reason")
  void wrongSecretBreaksTheConnection() throws Exception {
    connect("not-the-secret");

    OutlookSyncIT.waitUntil(() -> connections.findById(connectionId).await().orElseThrow().state()
        == ConnectionState.BROKEN);
    Connection broken = connections.findById(connectionId).await().orElseThrow();
    assertThat(broken.brokenReason()).contains("invalid_client").contains("AADSTS7000215");
    assertThat(graph.subscriptionIds()).isEmpty();
  }

  @Test
  @DisplayName("an application access policy that excludes the mailbox (403 ErrorAccessDenied) breaks the connection with Graph's reason")
  void accessPolicyBreaksTheConnection() throws Exception {
    graph.accessPolicyDenies(true);
    connect(graph.clientSecret());

    OutlookSyncIT.waitUntil(() -> connections.findById(connectionId).await().orElseThrow().state()
        == ConnectionState.BROKEN);
    assertThat(connections.findById(connectionId).await().orElseThrow().brokenReason())
        .contains("ErrorAccessDenied").contains("AccessPolicy");
  }
}
