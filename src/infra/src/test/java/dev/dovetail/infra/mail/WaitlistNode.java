package dev.dovetail.infra.mail;

import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.infra.lock.SharedDataResourceLock;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.notification.app.NotificationPlanner;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.waitlist.app.Backfill;
import dev.dovetail.waitlist.app.WaitlistLinks;
import dev.dovetail.waitlist.app.WaitlistMail;
import dev.dovetail.waitlist.app.WaitlistService;
import dev.dovetail.waitlist.app.WaitlistTrigger;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One hub node's waitlist as the hub wires it (src/app Waitlists): its own connection to the shared Mongo database,
 * the planner and the waitlist trigger as booking-change consumers, the real use cases, a dispatcher that sends the
 * outbox (booking and waitlist mail) over SMTP. Two nodes over one database behave as two hubs; closing one and
 * making another is a restart. The trigger only records which resources it heard about; tests run the match.
 */
final class WaitlistNode implements AutoCloseable {

  static final String LINK_BASE = "https://hub.dovetail.test";
  static final ManageTokens TOKENS =
      new ManageTokens("waitlist tests' key: 32 bytes and more".getBytes(StandardCharsets.UTF_8));

  final MongoStore store;
  final CatalogService catalog;
  final BookSlotService bookSlot;
  final ManageBookingService manage;
  final Backfill backfill;
  final WaitlistService waitlist;
  final OutboxDispatcher dispatcher;
  final Set<String> heard = ConcurrentHashMap.newKeySet();
  final WaitlistLinks links = new WaitlistLinks(TOKENS);

  WaitlistNode(Vertx vertx, MutableClock clock, String database, SmtpSink smtp, String nodeId) {
    this.store = MongoStore.connect(vertx, NotificationFixture.server().connectionString(), database,
        MongoStore.NO_COMMIT).await();
    this.catalog = new CatalogService(store.providers(), store.resources(), store.bookingTypes(), store.bookings(),
        store.schedules(), store.calendars(), clock);
    WaitlistTrigger trigger = new WaitlistTrigger(heard::add);
    BookingEvents events = BookingEvents.all(List.of(new NotificationPlanner(catalog, store.outbox(), clock), trigger));
    SharedDataResourceLock lock = new SharedDataResourceLock(vertx, Duration.ofSeconds(10));
    this.bookSlot = new BookSlotService(catalog, store.schedules(), store.bookings(), lock, events, TOKENS, clock);
    this.manage = new ManageBookingService(catalog, store.schedules(), store.bookings(), lock, events, TOKENS, clock);
    this.backfill = new Backfill(store.waitlist(), catalog, store.schedules(), bookSlot, manage, store.outbox(), lock,
        clock, () -> { });
    this.waitlist = new WaitlistService(store.waitlist(), catalog, catalog, store.schedules(), manage, backfill,
        store.outbox(), TOKENS, clock, heard::add);
    WaitlistMail mail = new WaitlistMail(store.waitlist(), catalog, new TemplateWaitlistMailRenderer(), links,
        LINK_BASE);
    SmtpMailer mailer = new SmtpMailer(vertx, new SmtpMailer.Settings("127.0.0.1", smtp.port(), null, null,
        SmtpMailer.Tls.NONE, NotificationFixture.FROM));
    this.dispatcher = new OutboxDispatcher(store.outbox(), store.bookings(), catalog, new TemplateMessageRenderer(),
        mailer, id -> LINK_BASE + "/manage/" + TOKENS.issue(id), clock, OutboxDispatcher.Settings.defaults(nodeId),
        () -> 0.5, mail);
  }

  @Override
  public void close() {
    store.close().await();
  }
}
