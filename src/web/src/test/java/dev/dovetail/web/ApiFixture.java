package dev.dovetail.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.app.Invitations;
import dev.dovetail.account.app.LoginThrottle;
import dev.dovetail.account.app.ManageAccountService;
import dev.dovetail.account.app.PasswordMail;
import dev.dovetail.account.app.PasswordResetTokens;
import dev.dovetail.account.domain.SignUpMode;
import dev.dovetail.booking.app.AvailabilityService;
import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.BookingLimitsGuard;
import dev.dovetail.booking.app.HoldLedger;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ProviderCalendarService;
import dev.dovetail.payment.app.PaymentService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.infra.mail.TemplateMessageRenderer;
import dev.dovetail.infra.mail.TemplatePasswordMailRenderer;
import dev.dovetail.infra.security.BcryptPasswordHasher;
import dev.dovetail.notification.app.NotificationLogService;
import dev.dovetail.notification.app.NotificationPlanner;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.port.out.Mailer;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryMailArchive;
import dev.dovetail.testkit.InMemoryOutboxRepository;
import dev.dovetail.testkit.InMemoryAccounts;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.InMemoryPaymentRepository;
import dev.dovetail.testkit.InMemoryWaitlistRepository;
import dev.dovetail.waitlist.app.Backfill;
import dev.dovetail.waitlist.app.WaitlistService;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.web.http.TrustedProxies;
import dev.dovetail.booking.port.out.BookingEvents;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real HTTP API on a random port, wired to the real use cases over the in-memory reference adapters, and a client
 * that talks to it like any other. Tests run on the JUnit thread and wait with {@code await()}; the server runs on
 * the event loop.
 */
final class ApiFixture {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String PASSWORD = "correct horse battery staple";
  static final byte[] INVITATION_KEY = "web tests' invitation key, 32+ bytes".getBytes(StandardCharsets.UTF_8);

  final Vertx vertx;
  /**
   * Where every API test's clock starts (a Tuesday 10:00 in Berlin), so that no test depends on the hour, weekday or
   * season it runs at; tests move {@link #clock} from here.
   */
  static final java.time.Instant START = java.time.OffsetDateTime.parse("2027-01-12T10:00:00+01:00").toInstant();

  final MutableClock clock = new MutableClock(START);
  final AtomicBoolean storeUp = new AtomicBoolean(true);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  final InMemoryAccounts.Accounts accounts = new InMemoryAccounts.Accounts();
  final InMemoryAccounts.Credentials credentials = new InMemoryAccounts.Credentials();
  final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
  final InMemoryMailArchive mailSink = new InMemoryMailArchive();
  final InMemoryWaitlistRepository waitlist = new InMemoryWaitlistRepository();
  final InMemoryPaymentRepository payments = new InMemoryPaymentRepository();
  Backfill backfill;
  private final java.util.Map<String, String> waitlistEntries = new java.util.HashMap<>();
  final ManageTokens tokens =
      new ManageTokens("web tests' manage-link key, 32+ bytes".getBytes(StandardCharsets.UTF_8));
  final PasswordResetTokens resetTokens =
      new PasswordResetTokens("web tests' password-reset key, 32+ bytes".getBytes(StandardCharsets.UTF_8));
  CatalogService catalog;
  /** The account use cases behind the API, to seed a provider where public sign-up is closed. */
  AccountService accountService;
  /** Where dashboard sessions live (a Hazelcast map on a clustered hub). */
  io.vertx.ext.web.sstore.SessionStore sessionStore;
  Router router;
  HttpServer server;
  WebClient client;

  private ApiFixture(Vertx vertx) {
    this.vertx = vertx;
  }

  static ApiFixture start(Vertx vertx) {
    return start(vertx, 100_000, WebOptions.DEFAULT_MAX_BODY_BYTES);
  }

  static ApiFixture start(Vertx vertx, int publicRequestsPerMinute, long maxBodyBytes) {
    return start(vertx, publicRequestsPerMinute, maxBodyBytes, java.util.function.UnaryOperator.identity());
  }

  /** As {@link #start(Vertx, int, long)}, with a hook to replace some services (to inject failures). */
  /** Time queries need an iCalendar engine, which lives in the CalDAV adapter; the API's tests make none. */
  private static final dev.dovetail.calendar.domain.ObjectTimes NO_ICALENDAR =
      (dev.dovetail.calendar.domain.ObjectTimes) java.lang.reflect.Proxy.newProxyInstance(
          ApiFixture.class.getClassLoader(),
          new Class<?>[] {dev.dovetail.calendar.domain.ObjectTimes.class}, (proxy, method, args) -> {
            throw new UnsupportedOperationException("no iCalendar engine in the API's tests");
          });

  static ApiFixture start(Vertx vertx, int publicRequestsPerMinute, long maxBodyBytes,
      java.util.function.UnaryOperator<Services> customize) {
    return start(vertx, publicRequestsPerMinute, maxBodyBytes, customize, TrustedProxies.none());
  }

  /** As above, behind {@code trustedProxies} (whose {@code X-Forwarded-For} is believed). */
  static ApiFixture start(Vertx vertx, int publicRequestsPerMinute, long maxBodyBytes,
      java.util.function.UnaryOperator<Services> customize, TrustedProxies trustedProxies) {
    return start(vertx, publicRequestsPerMinute, maxBodyBytes, customize, trustedProxies, SignUpMode.OPEN);
  }

  /** With sign-up {@code open}, {@code closed} or by invitation. */
  static ApiFixture start(Vertx vertx, SignUpMode signUp) {
    return start(vertx, 100_000, WebOptions.DEFAULT_MAX_BODY_BYTES, java.util.function.UnaryOperator.identity(),
        TrustedProxies.none(), signUp);
  }

  static ApiFixture start(Vertx vertx, int publicRequestsPerMinute, long maxBodyBytes,
      java.util.function.UnaryOperator<Services> customize, TrustedProxies trustedProxies, SignUpMode signUp) {
    ApiFixture f = new ApiFixture(vertx);
    InMemoryCalendarObjectRepository calendarObjects = new InMemoryCalendarObjectRepository();
    CatalogService catalog = new CatalogService(f.providers, f.resources, f.types, f.bookings, f.schedules,
        calendarObjects, f.clock);
    f.catalog = catalog;
    InMemoryResourceLock lock = new InMemoryResourceLock();
    // The calendar use cases for the webcal feed (a dead property); no time query runs here, so no iCalendar engine.
    dev.dovetail.calendar.app.CalendarUseCases calendars = dev.dovetail.calendar.app.CalendarUseCases.wire(catalog,
        new dev.dovetail.calendar.app.CalendarUseCases.Ports(f.resources, f.schedules,
            dev.dovetail.calendar.port.out.ScheduleRevisions.reading(f.schedules), f.bookings, lock, calendarObjects,
            dev.dovetail.booking.port.out.FreedTime.none()),
        NO_ICALENDAR, f.clock, new dev.dovetail.calendar.app.CalendarUseCases.Reports((resourceId, failure) -> { },
            (resourceId, failure) -> { }, (resourceId, clashes) -> { }));
    ManageTokens tokens = f.tokens;
    BookingEvents events = new NotificationPlanner(catalog, f.outbox, f.clock);
    ManageBookingService manage =
        new ManageBookingService(catalog, f.schedules, f.bookings, lock, events, tokens, f.clock);
    LoginThrottle throttle = new LoginThrottle(f.clock);
    BcryptPasswordHasher hasher = new BcryptPasswordHasher(vertx, 4);
    AccountService accounts = new AccountService(f.providers, f.accounts, f.credentials, hasher, f.clock, throttle);
    f.accountService = accounts;
    ManageAccountService accountSettings = new ManageAccountService(f.providers, f.accounts, hasher, f.outbox,
        f.resetTokens, throttle, f.clock, () -> { });
    BookSlotService bookSlot = new BookSlotService(catalog, f.schedules, f.bookings, lock, events, tokens, f.clock);
    Backfill backfill = new Backfill(f.waitlist, catalog, f.schedules, bookSlot, manage, f.outbox, lock, f.clock,
        () -> { });
    f.backfill = backfill;
    WaitlistService waitlist = new WaitlistService(f.waitlist, catalog, catalog, f.schedules, manage, backfill,
        f.outbox, tokens, f.clock, resourceId -> { });
    // Payments without a gateway (no Stripe): settings and payment views work, paying answers 503.
    PaymentService payments = new PaymentService(manage, manage, f.bookings, catalog, f.payments,
        java.util.Optional.empty(), null, f.clock);
    BookingLimitsGuard guardedBookSlot = new BookingLimitsGuard(bookSlot, catalog, new HoldLedger(10_000), f.clock);
    // Every feature but calendar connections and webhooks (their own tests drive them).
    Services services = Services.of(
            new Services.Booking(new AvailabilityService(catalog, f.schedules, f.clock), guardedBookSlot, manage,
                manage, catalog, catalog),
            new Services.Accounts(accounts, accounts, accounts, accountSettings),
            () -> f.storeUp.get() ? Future.succeededFuture() : Future.failedFuture("store down"))
        .withNotifications(new NotificationLogService(f.outbox, f.mailSink, f.bookings,
            dev.dovetail.notification.port.in.NotificationLog.Delivery.LOCAL_SINK, java.time.Duration.ofMinutes(5),
            f.clock))
        .withWaitlist(new Services.Waitlists(waitlist, waitlist))
        .withPayments(new Services.Payments(payments, payments))
        .withProviderCalendar(new ProviderCalendarService(catalog, f.schedules, guardedBookSlot, f.clock))
        .withCalendarFeed(new dev.dovetail.calendar.app.CalendarFeedService(catalog, calendars.reads(),
            calendars.writes()))
        .withInsights(new dev.dovetail.insights.app.InsightsService(catalog, f.bookings, f.payments, f.waitlist,
            f.clock));
    f.sessionStore = LocalSessionStore.create(vertx);
    WebOptions options = new WebOptions(
        f.sessionStore, publicRequestsPerMinute, maxBodyBytes, true, trustedProxies,
        new Invitations(signUp, INVITATION_KEY, f.clock));
    f.router = HttpApi.create(vertx, customize.apply(services), options, f.clock).await();
    f.server = vertx.createHttpServer().requestHandler(f.router).listen(0, "127.0.0.1").await();
    f.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(f.server.actualPort()));
    return f;
  }

  /** A dispatcher over this fixture's outbox, rendering with the real templates and sending through {@code mailer}. */
  OutboxDispatcher dispatcher(Mailer mailer) {
    return new OutboxDispatcher(outbox, bookings, catalog, new TemplateMessageRenderer(), mailer,
        id -> "http://127.0.0.1/manage/" + tokens.issue(id), clock, OutboxDispatcher.Settings.defaults("web-test"),
        () -> 0.5, new PasswordMail(accounts, providers, resetTokens, new TemplatePasswordMailRenderer(),
            "http://127.0.0.1/"));
  }

  // ---- raw requests ------------------------------------------------------------------------------------------------

  HttpResponse<Buffer> send(HttpMethod method, String path, Auth auth, Object body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (auth != null) {
      auth.apply(request, method);
    }
    if (body == null) {
      return request.send().await();
    }
    if (body instanceof JsonObject json) {
      return request.sendJsonObject(json).await();
    }
    if (body instanceof Buffer buffer) {
      return request.putHeader("Content-Type", "application/json").sendBuffer(buffer).await();
    }
    return request.putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer(body.toString())).await();
  }

  HttpResponse<Buffer> get(String path) {
    return send(HttpMethod.GET, path, null, null);
  }

  HttpResponse<Buffer> get(String path, Auth auth) {
    return send(HttpMethod.GET, path, auth, null);
  }

  HttpResponse<Buffer> post(String path, Object body) {
    return send(HttpMethod.POST, path, null, body);
  }

  HttpResponse<Buffer> post(String path, Auth auth, Object body) {
    return send(HttpMethod.POST, path, auth, body);
  }

  // ---- credentials -------------------------------------------------------------------------------------------------

  /** How a test request authenticates: a bearer token, or a session cookie plus (on writes) its CSRF token. */
  interface Auth {
    void apply(HttpRequest<Buffer> request, HttpMethod method);

    static Auth bearer(String token) {
      return (request, method) -> request.putHeader("Authorization", "Bearer " + token);
    }

    static Auth session(String cookie, String csrf) {
      return (request, method) -> {
        request.putHeader("Cookie", cookie);
        if (csrf != null) {
          request.putHeader("X-CSRF-Token", csrf);
        }
      };
    }
  }

  record Session(String cookie, String csrf) {
    Auth auth() {
      return Auth.session(cookie, csrf);
    }

    Auth withoutCsrf() {
      return Auth.session(cookie, null);
    }
  }

  /** A provider with its dashboard session, an API token, a resource, a booking type and one booking. */
  record Tenant(String handle, Session session, String apiToken, String apiTokenId, String appPasswordId,
      String resourceId, String typeId, String bookingId, String manageToken) {
    Auth bearer() {
      return Auth.bearer(apiToken);
    }
  }

  static String sessionCookie(HttpResponse<?> response) {
    return response.cookies().stream()
        .filter(c -> c.startsWith("dovetail.session="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie in " + response.cookies()));
  }

  HttpResponse<Buffer> signUp(String handle) {
    return post("/api/v1/providers", new JsonObject()
        .put("handle", handle)
        .put("displayName", "Provider " + handle)
        .put("email", handle + "@example.com")
        .put("password", PASSWORD)
        .put("timeZone", "Europe/Berlin"));
  }

  Session login(String login, String password) {
    HttpResponse<Buffer> response = post("/api/v1/auth/login",
        new JsonObject().put("login", login).put("password", password));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return new Session(sessionCookie(response), response.bodyAsJsonObject().getString("csrfToken"));
  }

  /** Signs up {@code handle} and gives it a session, credentials, an open resource, a 60-minute type and a booking. */
  Tenant tenant(String handle) {
    HttpResponse<Buffer> created = signUp(handle);
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    Session session = login(handle + "@example.com", PASSWORD);
    JsonObject token = expect(201, post("/api/v1/api-tokens", session.auth(), new JsonObject().put("label", "ci")));
    JsonObject app = expect(201, post("/api/v1/app-passwords", session.auth(), new JsonObject().put("label", "phone")));
    Auth bearer = Auth.bearer(token.getString("secret"));
    String resourceId = handle + "-room";
    expect(201, post("/api/v1/resources", bearer, new JsonObject()
        .put("id", resourceId).put("name", "Room of " + handle).put("timeZone", "Europe/Berlin")
        .put("availability", officeHours())));
    String typeId = handle + "-60";
    expect(201, post("/api/v1/booking-types", bearer, new JsonObject()
        .put("id", typeId).put("resourceId", resourceId).put("name", "One hour")
        .put("durationsMinutes", new io.vertx.core.json.JsonArray().add(60))));
    JsonObject receipt = expect(201, post("/api/v1/public/booking-types/" + typeId + "/bookings",
        bookingRequest(mondayAt(10, 0).toString(), "first-" + handle + "@example.com")));
    return new Tenant(handle, session, token.getString("secret"), token.getString("id"), app.getString("id"),
        resourceId, typeId, receipt.getJsonObject("booking").getString("id"), receipt.getString("manageToken"));
  }

  /** A waitlist entry of {@code owner}'s type (joined through the public API for its booked slot), made once. */
  String waitlistEntry(Tenant owner) {
    return waitlistEntries.computeIfAbsent(owner.handle(), handle -> expect(201, post(
        "/api/v1/public/booking-types/" + owner.typeId() + "/waitlist", new JsonObject()
            .put("name", "Waiting").put("email", "waiting-" + handle + "@example.com")
            .put("timeZone", "America/New_York").put("start", mondayAt(10, 0).toString())))
        .getJsonObject("entry").getString("id"));
  }

  static JsonObject officeHours() {
    io.vertx.core.json.JsonArray day = new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("start", "09:00").put("end", "17:00"));
    JsonObject weekly = new JsonObject();
    for (String d : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
      weekly.put(d, day.copy());
    }
    return new JsonObject()
        .put("weeklyHours", weekly)
        .put("breaks", new io.vertx.core.json.JsonArray().add(new JsonObject().put("start", "12:00").put("end", "13:00")));
  }

  static JsonObject bookingRequest(String start, String email) {
    return new JsonObject().put("start", start).put("timeZone", "America/New_York").put("name", "Customer")
        .put("email", email);
  }

  /** The Monday at least a week after {@link #START}, in Berlin. */
  static LocalDate monday() {
    return START.atZone(BERLIN).toLocalDate().plusWeeks(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
  }

  static java.time.Instant mondayAt(int hour, int minute) {
    return monday().atTime(hour, minute).atZone(BERLIN).toInstant();
  }

  static JsonObject expect(int status, HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return response.body() == null || response.body().length() == 0 ? new JsonObject() : response.bodyAsJsonObject();
  }

  /** Asserts a problem detail: the status, problem+json, and a non-blank reason. */
  static JsonObject expectProblem(int status, HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("type")).isNotBlank();
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    return problem;
  }

  /** Every booking stored for a provider (the in-memory repository), for "nothing was stored" checks. */
  List<Booking> storedBookings(String providerId) {
    return bookings.listByProvider(providerId, null, null, PageRequest.first(200)).await().items();
  }

  static MultiMap noHeaders() {
    return MultiMap.caseInsensitiveMultiMap();
  }
}
