package dev.dovetail.caldav;

import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.app.RememberedVerifications;
import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.caldav.backend.IcalObjectTimes;
import dev.dovetail.calendar.app.CalendarUseCases;
import dev.dovetail.calendar.domain.ObjectTimes;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.calendar.port.out.ScheduleRevisions;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryAccounts;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process CalDAV server on a real Vert.x HTTP server over the in-memory reference adapters, with two tenants:
 * {@code alice} (resource {@code room}, app password {@link #appPassword}, account password {@code alice-password})
 * and {@code bob} (resource {@code studio}). {@link #request} blocks the test thread until the answer is in.
 */
public final class CalDavServerFixture implements AutoCloseable {

  public static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  public static final String ROOM = "/dav/calendars/alice/room/";

  /** A response: status, headers and body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  public final Vertx vertx = Vertx.vertx();
  public final MutableClock clock = new MutableClock(NOW);
  public final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  public final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  public final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  public final InMemoryAccounts.Accounts accounts = new InMemoryAccounts.Accounts();
  public final InMemoryAccounts.Credentials credentials = new InMemoryAccounts.Credentials();
  public final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository();
  public final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  public final CatalogService catalog;
  public final AccountService accountService;
  public final CalendarObjectRepository objects;
  public final BookingType roomType = TestBookings.simpleType("room-30", "alice", "room", 30);
  public final String appPassword;
  /** How many passwords were verified against their hash in full (not remembered from an earlier success). */
  public final AtomicInteger fullVerifications = new AtomicInteger();
  /** What the server was mounted with. */
  public final CalDavServices services;
  /** The calendar use cases of the first node (the busy-time refresh for tests that run it). */
  public final CalendarUseCases calendars;
  private final InMemoryResourceLock lock = new InMemoryResourceLock();
  /** Every announcement of freed time, in order: resource id and spans. */
  public final List<Map.Entry<String, List<TimeRange>>> freed = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final HttpServer server;
  private final HttpClient client;
  private final io.vertx.core.Context context;
  private final ObjectTimes times;

  public CalDavServerFixture() {
    this(new InMemoryCalendarObjectRepository());
  }

  public CalDavServerFixture(CalendarObjectRepository objects) {
    this(objects, new IcalObjectTimes());
  }

  /** A server whose nodes read objects' times through {@code times} (the iCalendar engine, or one that counts). */
  public CalDavServerFixture(CalendarObjectRepository objects, ObjectTimes times) {
    this.objects = objects;
    this.times = times;
    catalog = new CatalogService(providers, resources, types, bookings, schedules, objects, clock);
    accountService = accountsOfANode();
    providers.insert(new Provider("alice", "Alice Ltd", "alice@example.com", BERLIN, NOW)).await();
    providers.insert(new Provider("bob", "Bob Inc", "bob@example.com", BERLIN, NOW)).await();
    resources.insert(TestBookings.officeHours("room", "alice", BERLIN)).await();
    resources.insert(TestBookings.officeHours("studio", "bob", BERLIN)).await();
    types.insert(roomType).await();
    accounts.insert(new Account("alice@example.com", "alice", "plain:alice-password")).await();
    appPassword = accountService.issue("alice", Credential.Kind.APP_PASSWORD, "phone").await().secret();
    calendars = node();
    services = servicesOf(calendars, accountService);
    Router router = Router.router(vertx);
    CalDavRouter.mount(router, services);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    client = vertx.createHttpClient();
    context = vertx.getOrCreateContext();
  }

  /** A node's account service on the shared repositories, as the hub wires it: the hash behind its own memory. */
  private AccountService accountsOfANode() {
    return new AccountService(providers, accounts, credentials, new RememberedVerifications(new PasswordHasher() {
      @Override
      public Future<String> hash(String password) {
        return PLAIN.hash(password);
      }

      @Override
      public Future<Boolean> verify(String password, String hash) {
        fullVerifications.incrementAndGet();
        return PLAIN.verify(password, hash);
      }
    }, clock), clock);
  }

  /** A node's calendar use cases on the shared repositories, with its own caches, like the hub wires them. */
  private CalendarUseCases node() {
    FreedTime listener = (resourceId, spans) -> {
      freed.add(Map.entry(resourceId, List.copyOf(spans)));
      return Future.succeededFuture();
    };
    return CalendarUseCases.wire(catalog, new CalendarUseCases.Ports(resources, schedules,
            ScheduleRevisions.reading(schedules), bookings, lock, objects, listener), times, clock,
        new CalendarUseCases.Reports((resourceId, failure) -> { }, (resourceId, failure) -> { },
            (resourceId, clashes) -> { }));
  }

  private CalDavServices servicesOf(CalendarUseCases useCases, AccountService accountsOfTheNode) {
    return new CalDavServices(accountsOfTheNode, catalog, useCases.writes(), useCases.reads(), clock, 256 * 1024);
  }

  /** Test hasher: "plain:" + password. */
  static final PasswordHasher PLAIN = new PasswordHasher() {
    @Override
    public Future<String> hash(String password) {
      return Future.succeededFuture("plain:" + password);
    }

    @Override
    public Future<Boolean> verify(String password, String hash) {
      return Future.succeededFuture(hash.equals("plain:" + password));
    }
  };

  public int port() {
    return server.actualPort();
  }

  public String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A request as alice with her app password (unless {@code headers} set Authorization; "" removes it). */
  public Response request(String method, String path, String body, Map<String, String> headers) {
    return requestTo(port(), method, path, body, headers);
  }

  /**
   * Another CalDAV server ("node") on the same repositories, with its own caches, as in a clustered hub; its port.
   * Closed with the fixture.
   */
  public int secondNode() {
    Router router = Router.router(vertx);
    CalDavRouter.mount(router, servicesOf(node(), accountsOfANode()));
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  /** Like {@link #request}, to the server on {@code port}. */
  public Response requestTo(int port, String method, String path, String body, Map<String, String> headers) {
    return requestBytes(port, method, path, body == null ? null : Buffer.buffer(body), headers);
  }

  /** Like {@link #requestTo}, with a body of raw bytes (which need not be UTF-8). */
  public Response requestBytes(int port, String method, String path, Buffer body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("Authorization", basic("alice", appPassword));
    all.putAll(headers);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(method)).setHost("127.0.0.1")
        .setPort(port).setURI(path);
    all.forEach((k, v) -> {
      if (!v.isEmpty()) {
        options.putHeader(k, v);
      }
    });
    // The whole chain runs on the client's event loop: composed from the test thread, a response could arrive
    // before its body handler is set, and the body would be lost.
    io.vertx.core.Promise<Response> answer = io.vertx.core.Promise.promise();
    context.runOnContext(v -> client.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> {
          Map<String, String> h = new LinkedHashMap<>();
          resp.headers().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
          return new Response(resp.statusCode(), h, b.toString(StandardCharsets.UTF_8));
        }))
        .onComplete(answer));
    return answer.future().await();
  }

  public Response request(String method, String path, String body) {
    return request(method, path, body, Map.of());
  }

  public Response put(String name, String ics) {
    return request("PUT", ROOM + name, ics, Map.of("Content-Type", "text/calendar; charset=utf-8"));
  }

  /** A confirmed booking of alice's room, placed in the schedule and stored like BookSlotService does. */
  public Booking book(String id, Instant start, Duration length) {
    Booking booking = new Booking(id, "alice", "room", roomType.id(), TimeRange.of(start, length),
        ZoneId.of("America/New_York"), "Ada Lovelace", "ada@example.com", BookingStatus.CONFIRMED, null, null, 0, NOW,
        NOW);
    schedules.update("room", s -> s.place(List.of(Block.forBooking(booking, roomType, NOW)), NOW)).await();
    bookings.insertAll(List.of(booking)).await();
    return booking;
  }

  /** A fixture file from src/test/resources/ics. */
  public static String ics(String path) {
    try (InputStream in = CalDavServerFixture.class.getResourceAsStream("/ics/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A minimal VEVENT in UTC. */
  public static String event(String uid, String start, String end, String extra) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:" + uid
        + "\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end + "\r\nSUMMARY:Blocked\r\n"
        + extra + "END:VEVENT\r\nEND:VCALENDAR\r\n";
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
