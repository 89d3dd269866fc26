package dev.dovetail.infra.mail;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.notification.app.NotificationLogService;
import dev.dovetail.notification.app.NotificationPlanner;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.Mailer;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The notification pipeline as a hub wires it, over the Mongo store on the embedded in-memory server (a database per
 * fixture) and GreenMail: real use cases record changes through the planner; dispatchers send through the real
 * {@link SmtpMailer}. The clock is moved by hand. Calls block the (JUnit) calling thread with {@code await()}.
 */
final class NotificationFixture implements AutoCloseable {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final String PROVIDER_EMAIL = "owner@acme.test";
  static final String FROM = "Dovetail <hub@dovetail.test>";
  static final String LINK_BASE = "https://hub.dovetail.test/manage/";

  private static EmbeddedMongo server;

  final Vertx vertx;
  final MutableClock clock;
  final SmtpSink smtp;
  final MongoStore store;
  final ManageTokens tokens = new ManageTokens("notification tests' key: 32 bytes+".getBytes(StandardCharsets.UTF_8));
  final CatalogService catalog;
  final NotificationPlanner planner;
  final BookSlotService bookSlot;
  final ManageBookingService manage;
  final NotificationLogService log;
  final TemplateMessageRenderer renderer = new TemplateMessageRenderer();
  private final AvailabilityRule openEveryDay;

  NotificationFixture(Vertx vertx, Instant now) {
    this.vertx = vertx;
    this.clock = new MutableClock(now);
    this.smtp = new SmtpSink().start();
    this.store = MongoStore.connect(vertx, server().connectionString(), "n" + Ids.random().substring(0, 16),
        MongoStore.NO_COMMIT).await();
    this.catalog = new CatalogService(store.providers(), store.resources(), store.bookingTypes(), store.bookings(),
        store.schedules(), store.calendars(), clock);
    this.planner = new NotificationPlanner(catalog, store.outbox(), clock);
    InMemoryResourceLock lock = new InMemoryResourceLock();
    this.bookSlot = new BookSlotService(catalog, store.schedules(), store.bookings(), lock, planner, tokens, clock);
    this.manage = new ManageBookingService(catalog, store.schedules(), store.bookings(), lock, planner, tokens, clock);
    this.log = new NotificationLogService(store.outbox(), store.mailSink(), store.bookings(),
        dev.dovetail.notification.port.in.NotificationLog.Delivery.LOCAL_SINK, java.time.Duration.ofMinutes(5), clock);
    store.providers().insert(new Provider("acme", "Acme & Söhne", PROVIDER_EMAIL, BERLIN, now)).await();
    Map<DayOfWeek, List<WallClockWindow>> everyDay = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      everyDay.put(day, List.of(WallClockWindow.of("08:00", "20:00")));
    }
    this.openEveryDay = new AvailabilityRule(everyDay, List.of(), Map.of(), Set.of());
    addRoom("room", "Studio 1");
    store.bookingTypes().insert(TestBookings.simpleType("consult", "acme", "room", 30)).await();
  }

  static synchronized EmbeddedMongo server() {
    if (server == null) {
      server = EmbeddedMongo.inMemory();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  SmtpMailer smtpMailer() {
    return new SmtpMailer(vertx, new SmtpMailer.Settings("127.0.0.1", smtp.port(), null, null, SmtpMailer.Tls.NONE,
        FROM));
  }

  OutboxDispatcher dispatcher(String node, Mailer mailer) {
    OutboxDispatcher.Settings settings = OutboxDispatcher.Settings.defaults(node);
    return new OutboxDispatcher(store.outbox(), store.bookings(), catalog, renderer, mailer,
        id -> LINK_BASE + tokens.issue(id), clock, settings, () -> 0.5);
  }

  /** A resource of the provider open 08:00-20:00 Berlin every day. */
  void addRoom(String id, String name) {
    store.resources().insert(new Resource(id, "acme", name, BERLIN, true, openEveryDay)).await();
  }

  void addType(BookingType type) {
    store.bookingTypes().insert(type).await();
  }

  /** Books the 30-minute type at a Berlin wall-clock time, as a customer in New York. */
  BookingReceipt.Issued book(LocalDateTime berlinStart, String email) {
    return book("consult", berlinStart, email);
  }

  BookingReceipt.Issued book(String typeId, LocalDateTime berlinStart, String email) {
    BookSlotCommand command = new BookSlotCommand(typeId, berlinStart.atZone(BERLIN).toInstant(), null, NEW_YORK,
        "Ada \"<b>\" Lovelace", email, false, 1);
    return bookSlot.book(command).await().bookings().get(0);
  }

  List<OutboundMessage> messagesOf(Booking booking) {
    return store.outbox().findByBooking(booking.id()).await();
  }

  @Override
  public void close() {
    smtp.close();
    store.close().await();
  }
}
