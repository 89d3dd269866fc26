package dev.dovetail.app;

import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.infra.mongo.StoreFigures;
import dev.dovetail.kernel.RouteOrder;
import dev.dovetail.sync.port.out.SyncLagRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's Prometheus metrics (issue 16, ADR 28; names in docs/operations.md): what Vert.x's Micrometer integration
 * measures (HTTP server and client, pools, event loop, JVM) plus the business figures, every series labelled with the
 * {@code node} and never with a tenant. HTTP outcomes (bookings, CalDAV, webhooks) are counted by an observer route
 * ahead of every other route; lock waits by {@link MeteredResourceLock}; the store's figures (outbox, sync, waitlist,
 * payments) are read at most every {@link OpsConfig#figuresEvery()}, when scraped.
 */
final class HubMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(HubMetrics.class);
  static final String PATH = "/metrics";
  private static final Duration FIGURES_TIMEOUT = Duration.ofSeconds(5);
  /** Lock waits and holds: a commit on the embedded store takes about a millisecond, a contended wait much longer. */
  private static final Duration[] LOCK_BUCKETS = {Duration.ofNanos(250_000), Duration.ofNanos(500_000),
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
      Duration.ofSeconds(1)};
  private static final Pattern BOOKING = Pattern.compile("/api/v1/public/booking-types/[^/]+/bookings");
  private static final List<String> SERVICES = List.of("google", "outlook");
  private static final List<String> CONNECTION_STATES = List.of("CONNECTED", "BROKEN");
  private static final List<String> OUTBOX_STATES = List.of("PENDING", "SENT", "FAILED");
  private static final List<String> WAITLIST_STATES = List.of("WAITING", "OFFERED", "BOOKED", "EXPIRED");

  private final PrometheusMeterRegistry registry;
  private final OpsConfig ops;
  private final Clock clock;
  private final Counter created;
  private final Counter refused;
  private final Counter limited;
  private final Counter failed;
  private final Timer lockWaits;
  private final Timer lockHolds;
  private final Map<String, Timer> syncLags = new ConcurrentHashMap<>();
  private final Map<String, Counter> meters = new ConcurrentHashMap<>();
  private volatile StoreFigures figures;
  private volatile Instant figuresAt = Instant.EPOCH;
  private MongoStore store;

  private HubMetrics(PrometheusMeterRegistry registry, OpsConfig ops, Clock clock) {
    this.registry = registry;
    this.ops = ops;
    this.clock = clock;
    this.created = bookings("created");
    this.refused = bookings("refused");
    this.limited = bookings("limited");
    this.failed = bookings("failed");
    this.lockWaits = lockTimer("dovetail_resource_lock_wait",
        "Time a booking or calendar write waited for its resource's lock");
    this.lockHolds = lockTimer("dovetail_resource_lock_hold",
        "Time a booking or calendar write held its resource's lock (the check and the write, ADR 47)");
  }

  private Timer lockTimer(String name, String description) {
    return Timer.builder(name).description(description)
        .serviceLevelObjectives(LOCK_BUCKETS)
        .register(registry);
  }

  /** A registry for one hub: its own, so that several hubs in one JVM (tests) do not mix their figures. */
  static HubMetrics create(OpsConfig ops, Clock clock) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("node", ops.node());
    return new HubMetrics(registry, ops, clock);
  }

  /** Vert.x's own metrics into this registry: HTTP by method, route and status; pools; event loop; JVM. */
  MicrometerMetricsOptions vertxOptions() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setRegistryName("dovetail-" + UUID.randomUUID())
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE,
            Label.POOL_NAME));
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Reads the store's figures from now on, and the schedule's compare-and-set retries. */
  void watch(MongoStore store) {
    this.store = store;
    FunctionCounter.builder("dovetail_schedule_cas_retries", store, MongoStore::scheduleRetries)
        .description("Schedule writes that lost a compare-and-set to another writer and were retried")
        .register(registry);
    gauge("dovetail_outbox_oldest_due_age_seconds", "Age of the oldest pending outbox message past its due time",
        Map.of(), f -> f.oldestPendingDue() == null ? 0
            : Math.max(0, Duration.between(f.oldestPendingDue(), clock.instant()).toMillis() / 1000.0));
    for (String state : OUTBOX_STATES) {
      gauge("dovetail_outbox_messages", "Outbox messages by state (store-wide)", Map.of("state", state.toLowerCase()),
          f -> f.outboxByState().getOrDefault(state, 0L));
    }
    for (String service : SERVICES) {
      gauge("dovetail_calendar_sync_staleness_seconds", "Longest time since a connected calendar last synced: an external "
          + "change older than this blocks its slot", Map.of("service", service),
          f -> f.oldestSync().containsKey(service)
              ? Math.max(0, Duration.between(f.oldestSync().get(service), clock.instant()).toSeconds()) : 0);
      gauge("dovetail_calendar_sync_errors", "Connected calendars whose last sync failed", Map.of("service", service),
          f -> f.syncErrors().getOrDefault(service, 0L));
      for (String state : CONNECTION_STATES) {
        gauge("dovetail_calendar_connections", "Calendar connections by state",
            Map.of("service", service, "state", state.toLowerCase()),
            f -> f.connections().getOrDefault(service + "/" + state, 0L));
      }
    }
    for (String status : WAITLIST_STATES) {
      gauge("dovetail_waitlist_entries", "Waitlist entries by status: offered = offers open, booked = offers claimed",
          Map.of("status", status.toLowerCase()), f -> f.waitlistByStatus().getOrDefault(status, 0L));
    }
    gauge("dovetail_payments_settled", "Payments that took money", Map.of(), StoreFigures::paymentsSettled);
    gauge("dovetail_payments_refunded", "Payments with a refund", Map.of(), StoreFigures::paymentsRefunded);
  }

  /**
   * Where the sync engine reports each external change's lag, from the service's modification time to the written
   * block, per service (google, outlook), with buckets to alert on.
   */
  SyncLagRecorder syncLag() {
    return (service, lag) -> syncLags.computeIfAbsent(service.name().toLowerCase(), name ->
        Timer.builder("dovetail_calendar_sync_lag")
            .description("From an external change (the service's modification time) to the blocked slot")
            .tag("service", name)
            .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15))
            .register(registry)).record(lag);
  }

  MeteredResourceLock lock(ResourceLock lock) {
    MeteredResourceLock metered = new MeteredResourceLock(lock, lockWaits, lockHolds);
    Gauge.builder("dovetail_resource_locks_held", metered, MeteredResourceLock::held)
        .description("Resource locks this node holds right now").register(registry);
    return metered;
  }

  /** How many calendars the start-up warm-up ({@link CalendarWarmUp}) left loaded and indexed: 0 until it ends. */
  void calendarsWarmed(Future<Integer> warmUp) {
    AtomicInteger warmed = new AtomicInteger();
    Gauge.builder("dovetail_calendars_warmed", warmed, AtomicInteger::get)
        .description("CalDAV calendars loaded and indexed ahead after start-up (0 until the warm-up ends)")
        .register(registry);
    warmUp.onSuccess(warmed::set);
  }

  OpsConfig ops() {
    return ops;
  }

  /**
   * Puts the observer ahead of every route of the public router, and {@code /metrics} behind the bearer token when
   * one is configured (without a token the public port does not serve it).
   */
  Router mount(Router router) {
    router.route().order(RouteOrder.METRICS_OBSERVER).handler(this::observe);
    if (ops.metricsToken() != null) {
      router.get(PATH).order(RouteOrder.METRICS).handler(this::scrape);
    }
    return router;
  }

  /**
   * The separate operators' port, when configured: {@code GET /metrics} and {@code POST /backup}, both behind the token
   * if there is one.
   */
  Future<HttpServer> listen(Vertx vertx, String host, BackupHandler backup) {
    if (ops.metricsPort() == null) {
      return Future.succeededFuture(null);
    }
    Router router = Router.router(vertx);
    router.get(PATH).handler(this::scrape);
    router.post("/backup").handler(ctx -> {
      if (authorized(ctx)) {
        backup.handle(ctx);
      }
    });
    return vertx.createHttpServer().requestHandler(router).listen(ops.metricsPort(), host);
  }

  private void observe(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    String path = ctx.request().path();
    ctx.addEndHandler(done -> count(method, path == null ? "" : path, ctx.response().getStatusCode()));
    ctx.next();
  }

  private void count(HttpMethod method, String path, int status) {
    if (method == HttpMethod.POST && BOOKING.matcher(path).matches()) {
      if (status == 201) {
        created.increment();
      } else if (status == 409) {
        refused.increment();
      } else if (status == 429) {
        limited.increment();
      } else if (status >= 500) {
        failed.increment();
      }
    } else if (path.startsWith("/dav/") || path.startsWith("/.well-known/caldav")) {
      counter("dovetail_caldav_requests", "CalDAV requests by method and status", "method", method.name(), "status",
          Integer.toString(status)).increment();
    } else if (path.startsWith("/hooks/") && status >= 400 && status < 500) {
      String service = path.substring("/hooks/".length()).split("/", 2)[0];
      counter("dovetail_webhook_refused", "Webhook deliveries refused (bad signature, token or body)", "service",
          SERVICES.contains(service) || service.equals("stripe") ? service : "other").increment();
    }
  }

  /** True if the token is not required or given; otherwise answers 401 and returns false. */
  private boolean authorized(RoutingContext ctx) {
    if (ops.metricsToken() != null && !bearerMatches(ctx.request().getHeader(HttpHeaders.AUTHORIZATION))) {
      ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"metrics\"")
          .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end("this needs the bearer token\n");
      return false;
    }
    return true;
  }

  private void scrape(RoutingContext ctx) {
    if (!authorized(ctx)) {
      return;
    }
    refreshFigures().onComplete(ignored -> ctx.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(registry.scrape()));
  }

  /** Re-reads the store's figures if they are older than {@link OpsConfig#figuresEvery()}; bounded in time. */
  Future<Void> refreshFigures() {
    Instant now = clock.instant();
    if (store == null || Duration.between(figuresAt, now).compareTo(ops.figuresEvery()) < 0) {
      return Future.succeededFuture();
    }
    figuresAt = now;
    return store.figures().read()
        .timeout(FIGURES_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .onSuccess(read -> figures = read)
        .onFailure(err -> LOG.warn("store figures for /metrics not read: {}", err.getMessage()))
        .mapEmpty();
  }

  private boolean bearerMatches(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, ops.metricsToken().getBytes(StandardCharsets.UTF_8));
  }

  private Counter bookings(String outcome) {
    return Counter.builder("dovetail_bookings").description("Public booking requests by outcome: created (201), "
        + "refused (409: the slot was taken), limited (429: request rate or holds per e-mail/address) or failed (5xx)").tag("outcome", outcome).register(registry);
  }

  private Counter counter(String name, String description, String... tags) {
    return meters.computeIfAbsent(name + String.join(",", tags),
        key -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  private void gauge(String name, String description, Map<String, String> tags,
      ToDoubleFunction<StoreFigures> value) {
    Gauge.Builder<HubMetrics> builder = Gauge.builder(name, this, m -> m.figures == null ? 0
        : value.applyAsDouble(m.figures)).description(description);
    tags.forEach(builder::tag);
    builder.register(registry);
  }
}
