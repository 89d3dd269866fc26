package dev.dovetail.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import dev.dovetail.account.app.AccountService;
import dev.dovetail.account.app.Invitations;
import dev.dovetail.account.app.LoginThrottle;
import dev.dovetail.account.app.ManageAccountService;
import dev.dovetail.account.app.PasswordMail;
import dev.dovetail.account.app.PasswordResetTokens;
import dev.dovetail.account.app.RememberedVerifications;
import dev.dovetail.account.port.out.PasswordHasher;
import dev.dovetail.booking.app.AvailabilityService;
import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.BookingLimitsGuard;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.HoldLedger;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.app.ProviderCalendarService;
import dev.dovetail.booking.app.ScheduleJanitor;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.caldav.CalDavRouter;
import dev.dovetail.caldav.CalDavServices;
import dev.dovetail.caldav.backend.IcalObjectTimes;
import dev.dovetail.calendar.app.CalendarFeedService;
import dev.dovetail.calendar.app.CalendarUseCases;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import dev.dovetail.infra.lock.SharedDataResourceLock;
import dev.dovetail.infra.mail.TemplatePasswordMailRenderer;
import dev.dovetail.infra.mongo.EmbeddedMongo;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.security.BcryptPasswordHasher;
import dev.dovetail.insights.app.InsightsService;
import dev.dovetail.payment.app.PaymentService;
import dev.dovetail.waitlist.app.WaitlistService;
import dev.dovetail.web.HttpApi;
import dev.dovetail.web.Services;
import dev.dovetail.web.WebOptions;
import dev.dovetail.web.http.SessionSeal;
import dev.dovetail.web.http.TrustedProxies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running hub: builds the adapters, then the use cases, then the HTTP API, in that order (the only place that
 * sees every module). Clustered when {@code DOVETAIL_CLUSTER_MEMBERS} is set: Vert.x on Hazelcast, so resource locks
 * and sessions are cluster-wide; the store is shared by all members.
 */
public final class Hub {

  private static final Logger LOG = LoggerFactory.getLogger(Hub.class);
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
  /** How stale another node's catalog edits may look to this node's slot queries and bookings. */
  private static final Duration OFFER_CACHE_TTL = Duration.ofSeconds(2);
  /** Limit keys (type with e-mail or address) a node remembers for the public hold limits (ADR 35). */
  private static final int HOLD_LEDGER_KEYS = 100_000;
  private static final long JANITOR_PERIOD_MS = Duration.ofMinutes(1).toMillis();

  private final Vertx vertx;
  private final EmbeddedMongo embedded;
  private final MongoStore store;
  private final HttpServer server;
  private final Notifications notifications;
  private final Waitlists waitlists;
  private final List<Long> timers;
  private final HttpServer metricsServer;
  private final MeteredResourceLock lock;
  private final AtomicBoolean draining;
  private final OpsConfig ops;

  private Hub(Vertx vertx, EmbeddedMongo embedded, MongoStore store, HttpServer server, Notifications notifications,
      Waitlists waitlists, List<Long> timers, HttpServer metricsServer, MeteredResourceLock lock,
      AtomicBoolean draining, OpsConfig ops) {
    this.vertx = vertx;
    this.metricsServer = metricsServer;
    this.lock = lock;
    this.draining = draining;
    this.ops = ops;
    this.embedded = embedded;
    this.store = store;
    this.server = server;
    this.notifications = notifications;
    this.waitlists = waitlists;
    this.timers = timers;
  }

  public int httpPort() {
    return server.actualPort();
  }

  public Vertx vertx() {
    return vertx;
  }

  /**
   * The embedded store's durability requests and the commits that served them since start ({0, 0} on a real MongoDB,
   * whose writes are durable when acknowledged): what benchmarks count per booking.
   */
  public long[] storeCommitFigures() {
    return embedded == null ? new long[] {0, 0} : embedded.commitFigures();
  }

  /** The separate metrics port ({@code DOVETAIL_METRICS_PORT}), or -1 when there is none. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.actualPort();
  }

  /** A hub whose metrics are recorded but served nowhere. */
  public static Future<Hub> start(AppConfig config) {
    return start(config, OpsConfig.quiet(config.http().port()));
  }

  /**
   * A hub whose "now" is {@code clock} everywhere: slots, holds, tokens, sync windows, mail, and the "today" of the
   * pages it serves (docs/adr/0030-the-hubs-clock-is-the-pages-clock.md). Tests use it to run the hub at an instant
   * of their choosing; the clock should keep milliseconds only, like the store.
   */
  public static Future<Hub> start(AppConfig config, Clock clock) {
    return start(config, OpsConfig.quiet(config.http().port()), clock);
  }

  public static Future<Hub> start(AppConfig config, OpsConfig ops) {
    // Milliseconds: what the store keeps, so a booking in memory equals the booking read back.
    return start(config, ops, Clock.tickMillis(ZoneOffset.UTC));
  }

  /** A hub with these operations settings (metrics, node name, shutdown grace) whose "now" is {@code clock}. */
  public static Future<Hub> start(AppConfig config, OpsConfig ops, Clock clock) {
    HubMetrics metrics = HubMetrics.create(ops, clock);
    return createVertx(config, metrics).compose(vertx -> startOn(vertx, config, clock, metrics).recover(err -> {
      // Closed from another thread: this future's listeners still run on this Vert.x's event loop.
      new Thread(() -> vertx.close().await(), "dovetail-abort").start();
      return Future.failedFuture(err);
    }));
  }

  private static Future<Hub> startOn(Vertx vertx, AppConfig config, Clock clock, HubMetrics metrics) {
    AppConfig.Store storeConfig = config.store();
    return vertx.executeBlocking(() -> storeConfig.embedded()
            ? EmbeddedMongo.onDisk(storeConfig.dataDir(), storeConfig.embeddedPort())
            : null)
        .compose(embedded -> {
          String uri = embedded == null ? storeConfig.mongoUri() : embedded.connectionString();
          MongoStore.Durability commit = embedded == null ? MongoStore.NO_COMMIT : embedded::commitAsync;
          return MongoStore.connect(vertx, uri, storeConfig.database(), commit, clock)
              .compose(store -> wire(vertx, config, clock, embedded, store, metrics));
        });
  }

  private static Future<Hub> wire(
      Vertx vertx, AppConfig config, Clock clock, EmbeddedMongo embedded, MongoStore store, HubMetrics metrics) {
    metrics.watch(store);
    MeteredResourceLock lock = metrics.lock(new SharedDataResourceLock(vertx, LOCK_TIMEOUT));
    AtomicBoolean draining = new AtomicBoolean();
    ManageTokens tokens = new ManageTokens(SecretKeys.manageLinkKey(config));
    CatalogService catalog = new CatalogService(
        store.providers(), store.resources(), store.bookingTypes(), store.bookings(), store.schedules(),
        store.calendars(), OFFER_CACHE_TTL, clock);
    // Every consumer of booking changes (mail, payments, waitlist, calendar sync) records them here, before the write;
    // payment, waitlist and connection changes record their webhook events the same way.
    Webhooks webhooks = Webhooks.wire(vertx, config, clock, store);
    Payments payments = Payments.wire(vertx, config, clock, store, webhooks.payments(), catalog);
    Waitlists waitlists = Waitlists.wire(vertx, config, clock, store, webhooks.waitlist(), catalog, tokens);
    PasswordResetTokens resetTokens = new PasswordResetTokens(SecretKeys.derived(config, "password-reset"));
    Notifications notifications = Notifications.wire(vertx, config, clock, store, catalog, tokens,
        new OutboxComposers(waitlists.mail(), CalendarSync.connectionMail(config, store), webhooks.mail(),
            new PasswordMail(store.accounts(), store.providers(), resetTokens,
                new TemplatePasswordMailRenderer(), config.http().publicUrl())));
    CalendarSync calendarSync = CalendarSync.wire(vertx, config, clock, store, lock, waitlists.trigger(),
        SecretKeys.manageLinkKey(config), notifications::dispatchNow, metrics.syncLag(), webhooks.service());
    BookingEvents events = BookingEvents.all(List.of(notifications.planner(), payments.events(), waitlists.trigger(),
        calendarSync.events(), webhooks.events()));
    // One login throttle for log-ins and password changes: both guess the same secret.
    LoginThrottle loginThrottle = new LoginThrottle(clock);
    // bcrypt once per password and hash per node: CalDAV clients send the account password with every request
    PasswordHasher hasher =
        new RememberedVerifications(new BcryptPasswordHasher(vertx, config.security().bcryptCost()), clock);
    AccountService accounts = new AccountService(store.providers(), store.accounts(), store.credentials(), hasher,
        clock, loginThrottle);
    ManageAccountService accountSettings = new ManageAccountService(store.providers(), store.accounts(), hasher,
        store.outbox(), resetTokens, loginThrottle, clock, notifications::dispatchNow);
    // Booking takes its consumers above; what books or pays through it comes after: payments, then the waitlist,
    // whose service binds the trigger above to its backfill (the one loop in the wiring, ADR 52).
    ManageBookingService manage =
        new ManageBookingService(catalog, store.schedules(), store.bookings(), lock, events, tokens, clock);
    PaymentService paymentService = payments.service(manage);
    BookSlotService bookSlot = new BookSlotService(catalog, store.schedules(), store.bookings(), lock, events, tokens,
        clock, calendarSync.externalBusy());
    WaitlistService waitlist = waitlists.service(bookSlot, manage, lock, notifications::dispatchNow);
    BookSlot guardedBookSlot =
        payments.guard(new BookingLimitsGuard(bookSlot, catalog, new HoldLedger(HOLD_LEDGER_KEYS), clock));
    // The calendar use cases (CalDAV writes, reads, the busy-time refresh) read object times with ical4j.
    CalendarUseCases calendars = CalendarUseCases.wire(catalog, new CalendarUseCases.Ports(store.resources(),
            store.schedules(), store.scheduleRevisions(), store.bookings(), lock, store.calendars(),
            waitlists.trigger()), new IcalObjectTimes(), clock, new CalendarUseCases.Reports(
        (resourceId, failure) -> LOG.warn("freed-time listener failed for {}: {}", resourceId, failure.toString()),
        (resourceId, failure) -> LOG.warn("busy-time refresh of {} failed: {}", resourceId, failure.toString()),
        (resourceId, clashes) -> LOG.warn("resource {}: {} recurring instance(s) overlap bookings and were not"
            + " blocked:\n{}", resourceId, clashes.size(),
            String.join("\n", clashes.stream().map(RefreshBusyTime.Clash::line).toList()))));
    Services services = new Services(
        new Services.Booking(new AvailabilityService(catalog, store.schedules(), clock), guardedBookSlot, manage,
            manage, catalog, catalog),
        new Services.Accounts(accounts, accounts, accounts, accountSettings),
        readiness(vertx, store, draining),
        notifications.log(),
        new Services.Waitlists(waitlist, waitlist),
        new Services.Payments(paymentService, paymentService),
        calendarSync.connections(),
        webhooks.service(),
        new ProviderCalendarService(catalog, store.schedules(), guardedBookSlot, clock),
        new CalendarFeedService(catalog, calendars.reads(), calendars.writes()),
        new InsightsService(catalog, store.bookings(), store.payments(), store.waitlist(), clock));
    SessionStore sessions = vertx.isClustered() ? ClusteredSessionStore.create(vertx) : LocalSessionStore.create(vertx);
    WebOptions options = new WebOptions(
        sessions, config.http().publicRequestsPerMinute(), config.http().maxBodyBytes(),
        config.security().secureCookies(), TrustedProxies.of(config.security().trustedProxies()),
        new Invitations(config.security().signUp(), SecretKeys.derived(config, "invitations"), clock),
        new SessionSeal(SecretKeys.derived(config, "sessions")), config.http().publicUrl());
    ScheduleJanitor janitor = new ScheduleJanitor(store.schedules(), store.bookings(), events, clock);
    CalDavServices calDav = new CalDavServices(accounts, catalog, calendars.writes(), calendars.reads(), clock,
        config.http().maxBodyBytes());
    Future<Void> demo = config.demo().enabled()
        ? DemoData.seed(catalog, accounts, store, config, clock).mapEmpty()
        : Future.succeededFuture();
    return demo
        .compose(v -> HttpApi.create(vertx, services, options, clock))
        // CalDAV on the same router, ahead of the API's root chain; it authenticates itself (HTTP Basic).
        .map(router -> CalDavRouter.mount(router, calDav))
        // Stripe webhooks: signed raw bodies, ahead of the API's root chain.
        .map(router -> payments.mount(router, paymentService))
        // Calendar push receivers (Google channel token, Graph clientState), ahead of the API's root chain.
        .map(calendarSync::mount)
        // Metrics: the observer ahead of every route; /metrics here only behind its token (ADR 28).
        .map(metrics::mount)
        .map(RequestLog::mount)
        // Webcal feeds and hooks: no login, so the client address's public budget applies.
        .map(router -> HttpApi.limitUnauthenticatedRoutes(router, options, clock))
        .compose(router -> vertx.createHttpServer().requestHandler(router).listen(config.http().port(), config.http().host()))
        .compose(server -> metrics.listen(vertx, config.http().host(), new BackupHandler(vertx, embedded)).map(metricsServer -> List.of(server,
            metricsServer == null ? server : metricsServer)))
        .map(servers -> {
          HttpServer server = servers.get(0);
          HttpServer metricsServer = servers.get(1) == server ? null : servers.get(1);
          OneRunAtATime janitorRuns = new OneRunAtATime("janitor sweep", Duration.ofMillis(JANITOR_PERIOD_MS));
          long janitorTimer = vertx.setPeriodic(JANITOR_PERIOD_MS, id -> janitorRuns.tick(() -> janitor.sweep()
              .onSuccess(report -> LOG.debug("janitor: {}", report))));
          long dispatchTimer = notifications.start();
          long paymentTimer = payments.start();
          long waitlistTimer = waitlists.start();
          // CalDAV: recurring events keep blocking a year ahead (ADR 19)
          OneRunAtATime busyRuns = new OneRunAtATime("busy-time refresh", RefreshBusyTime.PERIOD);
          long busyTimer = vertx.setPeriodic(RefreshBusyTime.PERIOD.toMillis(),
              id -> busyRuns.tick(() -> calendars.busyTime().sweep()));
          Hub hub = new Hub(vertx, embedded, store, server, notifications, waitlists,
              timers(timers(List.of(janitorTimer, dispatchTimer, waitlistTimer, paymentTimer, busyTimer),
                  calendarSync.start()), webhooks.start()), metricsServer, lock, draining, metrics.ops());
          LOG.info("Dovetail is listening on {} (port {}){}", config.http().publicUrl(), server.actualPort(),
              vertx.isClustered() ? ", clustered" : "");
          metrics.calendarsWarmed(CalendarWarmUp.start(vertx, calendars.reads()));
          return hub;
        });
  }

  /** {@code GET /ready}: the store answers a ping and, when clustered, this member is still in the cluster. */
  private static Supplier<Future<Void>> readiness(Vertx vertx, MongoStore store,
      AtomicBoolean draining) {
    return () -> draining.get() ? Future.failedFuture("stopping") : store.ping().compose(v -> !vertx.isClustered()
        || ((VertxInternal) vertx).clusterManager().isActive()
        ? Future.succeededFuture()
        : Future.failedFuture("not a member of the cluster"));
  }

  private static List<Long> timers(List<Long> some, List<Long> more) {
    List<Long> all = new ArrayList<>(some);
    all.addAll(more);
    return List.copyOf(all);
  }

  private static Future<Vertx> createVertx(AppConfig config, HubMetrics metrics) {
    VertxOptions options = new VertxOptions().setMetricsOptions(metrics.vertxOptions());
    MicrometerMetricsFactory factory = new MicrometerMetricsFactory(metrics.registry());
    if (!config.cluster().enabled()) {
      return Future.succeededFuture(Vertx.builder().with(options).withMetrics(factory).build());
    }
    options.getEventBusOptions().setHost(config.cluster().host());
    return Vertx.builder()
        .with(options)
        .withMetrics(factory)
        .withClusterManager(new HazelcastClusterManager(hazelcast(config.cluster())))
        .buildClustered();
  }

  /** Vert.x's default Hazelcast config (its maps and multimaps) with TCP join on the listed members. */
  static Config hazelcast(AppConfig.Cluster cluster) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(cluster.name());
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.getNetworkConfig().setPort(cluster.port()).setPortAutoIncrement(false);
    // Listen on this member's own address only, never on every interface: the cluster is a trust boundary
    // (docs/security.md), so its port must not be reachable from networks the members do not share.
    hz.setProperty("hazelcast.socket.bind.any", "false");
    if (cluster.host().matches("[0-9.]+")) {
      hz.setProperty("hazelcast.local.localAddress", cluster.host());
    }
    JoinConfig join = hz.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    return hz;
  }

  /**
   * Stops gracefully (ADR 29): {@code /ready} turns 503 and the hub keeps serving for the drain time, so that load
   * balancers stop sending; then it stops taking connections and lets the requests in flight finish (at most the grace
   * time); then it stops the timers and dispatchers (whatever they did not finish stays in the outbox for another node
   * or the next start), waits for the resource locks to be released, and closes the store and Vert.x (in a cluster,
   * leaving it releases this member's cluster locks). Blocks: call it from a plain thread (a shutdown hook, a test),
   * never from an event loop.
   */
  public void stop() {
    draining.set(true);
    if (!ops.shutdownDrain().isZero()) {
      LOG.info("Stopping: /ready answers 503, serving {} s more", ops.shutdownDrain().toSeconds());
      pause(ops.shutdownDrain().toMillis());
    }
    try {
      if (metricsServer != null) {
        metricsServer.close().await();
      }
      server.shutdown(ops.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS).await();
      awaitQuietly(notifications.stop(), ops.shutdownGrace());
      waitlists.stop();
      timers.forEach(vertx::cancelTimer);
      long deadline = System.nanoTime() + ops.shutdownGrace().toNanos();
      while (lock.held() > 0 && System.nanoTime() < deadline) {
        pause(20);
      }
      LOG.info("Dovetail stopped taking requests; resource locks still held: {}", lock.held());
      store.close().await();
    } finally {
      vertx.close().await();
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Waits for {@code work} at most {@code limit}; its failure is the work's to report. */
  private static void awaitQuietly(Future<?> work, Duration limit) {
    try {
      work.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("Stopping: went on after waiting {} ms", limit.toMillis());
    } catch (RuntimeException reported) {
      // reported by the work itself
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
