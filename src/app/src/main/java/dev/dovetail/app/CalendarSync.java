package dev.dovetail.app;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.booking.port.out.FreedTime;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.infra.mail.TemplateConnectionMailRenderer;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.sync.app.BookingMirrors;
import dev.dovetail.sync.app.ConflictWatch;
import dev.dovetail.sync.app.ConnectionMail;
import dev.dovetail.sync.app.ConnectionService;
import dev.dovetail.sync.app.LiveExternalBusy;
import dev.dovetail.sync.app.MirrorWriter;
import dev.dovetail.sync.app.StoredRotatedTokens;
import dev.dovetail.sync.app.SyncContext;
import dev.dovetail.sync.app.SyncEngine;
import dev.dovetail.sync.app.SyncScheduler;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.OAuthState;
import dev.dovetail.sync.domain.TokenCipher;
import dev.dovetail.sync.google.GoogleCalendarConnector;
import dev.dovetail.sync.google.GoogleHooks;
import dev.dovetail.sync.google.GoogleOAuthClient;
import dev.dovetail.sync.google.GoogleSettings;
import dev.dovetail.sync.port.out.CalendarConnector;
import dev.dovetail.sync.port.out.OAuthClient;
import dev.dovetail.sync.port.out.SyncLagRecorder;
import dev.dovetail.webhook.port.in.PublishEvents;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar-sync wiring of one hub: connectors by configuration (Google when {@code DOVETAIL_GOOGLE_CLIENT_ID} is
 * set), the engine, the scheduler (every {@value #TICK_MS} ms: due syncs, push channel renewal), the writer of booking
 * mirrors (every {@value #WRITE_MS} ms and soon after a booking change), the booking-time free/busy check, the
 * {@link BookingEvents} consumers (mirrors, conflict resolution), and the push receiver routes.
 */
record CalendarSync(
    Vertx vertx, SyncContext context, SyncScheduler scheduler, ConnectionService connections, BookingEvents events,
    ExternalBusy externalBusy, MirrorWriter writer, Optional<OutlookSync> outlook, AtomicBoolean running) {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarSync.class);
  static final long TICK_MS = 1_000;
  static final long WRITE_MS = 2_000;
  static final long NUDGE_DELAY_MS = 300;
  /** How long before its expiry a push channel is replaced. */
  static final Duration RENEW_BEFORE = Duration.ofHours(1);

  static CalendarSync wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store, ResourceLock lock,
      FreedTime freedTime, byte[] secretKey, Runnable dispatchMail, SyncLagRecorder syncLag,
      PublishEvents webhooks) {
    AppConfig.Sync cfg = config.sync();
    Map<CalendarProvider, CalendarConnector> connectors = new EnumMap<>(CalendarProvider.class);
    Map<CalendarProvider, OAuthClient> oauth = new EnumMap<>(CalendarProvider.class);
    if (config.google().enabled()) {
      AppConfig.Google app = config.google();
      GoogleSettings google = GoogleSettings.of(app.clientId(), app.clientSecret(), app.apiRoot(), app.oauthBase());
      GoogleCalendarConnector connector = new GoogleCalendarConnector(vertx, google);
      connectors.put(CalendarProvider.GOOGLE, connector);
      oauth.put(CalendarProvider.GOOGLE, new GoogleOAuthClient(vertx, google, connector));
      LOG.info("Google Calendar sync is on (API {}, reconciliation every {})", google.apiRoot(),
          cfg.reconcileEvery());
    }
    TokenCipher cipher = new TokenCipher(secretKey);
    Optional<OutlookSync> outlook = OutlookSync.create(vertx, config.outlook(), clock,
        new StoredRotatedTokens(store.sync().connections(), cipher, clock));
    outlook.ifPresent(o -> {
      connectors.put(CalendarProvider.OUTLOOK, o.connector());
      oauth.put(CalendarProvider.OUTLOOK, o.oauth());
    });
    SyncContext ctx = new SyncContext(connectors, store.sync().connections(), store.sync().states(),
        store.sync().mirrors(), store.sync().conflicts(), store.resources(), store.schedules(), lock,
        new OutboxSyncNotices(store.outbox(), store.bookings(), store.providers(), clock,
            connectionMail(config, store), dispatchMail, webhooks),
        cipher, Backoff.DEFAULT, clock, () -> ThreadLocalRandom.current().nextDouble());
    SyncEngine engine = new SyncEngine(ctx, freedTime, BusyPolicy.DEFAULT, cfg.reconcileEvery(), syncLag);
    SyncScheduler scheduler = new SyncScheduler(ctx, engine, vertx, new SyncScheduler.Settings(
        connectors.isEmpty() ? null : pushCallbackBase(config), cfg.channelLifetime(), RENEW_BEFORE,
        Duration.ofMillis(1500)));
    ConnectionService connections = new ConnectionService(ctx, engine, scheduler, oauth, new OAuthState(secretKey),
        config.http().publicUrl());
    String node = "sync-" + config.cluster().host() + "-" + Ids.random().substring(0, 8);
    MirrorWriter writer = new MirrorWriter(ctx, store.bookings(), node);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicBoolean nudged = new AtomicBoolean();
    Runnable nudge = () -> {
      if (nudged.compareAndSet(false, true)) {
        vertx.setTimer(NUDGE_DELAY_MS, id -> {
          nudged.set(false);
          write(writer, running);
        });
      }
    };
    BookingEvents events = BookingEvents.all(List.of(new BookingMirrors(ctx, nudge), new ConflictWatch(ctx)));
    ExternalBusy busy = connectors.isEmpty() ? ExternalBusy.none()
        : new LiveExternalBusy(ctx, vertx, cfg.freeBusyTimeout());
    return new CalendarSync(vertx, ctx, scheduler, connections, events, busy, writer, outlook, running);
  }

  /**
   * Where Google and Graph push to: the public URL if push is on and that URL is HTTPS (both services refuse any other
   * address); an {@code http://} one only with {@code pushOverHttp} (emulators). Otherwise null, with one warning:
   * changes then arrive by reconciliation only.
   */
  static String pushCallbackBase(AppConfig config) {
    AppConfig.Sync cfg = config.sync();
    String url = config.http().publicUrl();
    if (!cfg.push()) {
      return null;
    }
    if (url.regionMatches(true, 0, "https://", 0, 8) || cfg.pushOverHttp()) {
      return url;
    }
    LOG.warn("Calendar push is off: DOVETAIL_PUBLIC_URL {} is not https, and Google and Microsoft Graph push to HTTPS "
        + "addresses only. Changes made in connected calendars arrive by reconciliation, every {}.", url,
        cfg.reconcileEvery());
    return null;
  }

  /**
   * The broken-connection mail: recorded here when a connection breaks, composed by the outbox dispatcher (give it to
   * {@link Notifications} through {@link OutboxComposers}). Stateless, so every user may build its own.
   */
  static ConnectionMail connectionMail(AppConfig config, MongoStore store) {
    return new ConnectionMail(store.sync().connections(), store.providers(), store.outbox(),
        new TemplateConnectionMailRenderer(), config.http().publicUrl());
  }

  /** Starts the scheduler and writer timers; returns their ids. */
  List<Long> start() {
    OneRunAtATime ticks = new OneRunAtATime("calendar sync tick", Duration.ofMillis(TICK_MS));
    long tick = vertx.setPeriodic(TICK_MS, id -> {
      if (running.get()) {
        ticks.tick(scheduler::tick);
      }
    });
    long write = vertx.setPeriodic(WRITE_MS, id -> write(writer, running));
    return List.of(tick, write);
  }

  /** The push receivers, ahead of the API's root chain (the services authenticate by channel token). */
  Router mount(Router router) {
    // Mounted only for a configured service: unauthenticated routes that can do nothing should not exist.
    if (context.connectors().containsKey(CalendarProvider.GOOGLE)) {
      GoogleHooks.mount(router, scheduler);
    }
    outlook.ifPresent(o -> o.mountHooks(router, context, scheduler));
    return router;
  }

  void stop() {
    running.set(false);
  }

  private static void write(MirrorWriter writer, AtomicBoolean running) {
    if (!running.get()) {
      return;
    }
    writer.runDue()
        .onSuccess(report -> {
          if (report.claimed() > 0) {
            LOG.debug("calendar writes: {}", report);
          }
        })
        .onFailure(err -> LOG.warn("calendar writes failed: {}", err.getMessage()));
  }
}
