package dev.dovetail.sync.google.emulator;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stateful Google Calendar API v3 and OAuth 2.0 emulator that the real Google client reaches over loopback HTTP,
 * written after https://developers.google.com/calendar/api/v3/reference/events and the sync, push and errors guides:
 * events with etags and If-Match (412), sync tokens (410 after invalidation), random short and empty pages, recurring
 * series expanded with ical4j with cancelled and moved instances, freeBusy, watch channels that POST real notifications
 * (delay, jitter, drop, duplicate, notify-before-visible), an OAuth token endpoint with short-lived access tokens and
 * revocation, injected 403/429 faults, a request log, and a Java control API for tests (mirrored under {@code /_emu}).
 */
public final class GoogleCalendarEmulator {

  public static final String CLIENT_ID = "dovetail-test.apps.googleusercontent.com";
  public static final String CLIENT_SECRET = "emulator-secret";
  private static final Pattern EVENT_ID = Pattern.compile("[a-v0-9]{5,1024}");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
  private static final Set<String> NOT_WITH_SYNC_TOKEN =
      Set.of("iCalUID", "orderBy", "privateExtendedProperty", "q", "sharedExtendedProperty", "timeMin", "timeMax",
          "updatedMin");
  /** {@code params.ttl}'s documented default: 604,800 seconds. */
  private static final long DEFAULT_CHANNEL_TTL_SECONDS = 604_800;

  /** One request as it arrived, for assertions (method, path, query, If-Match). */
  public record RecordedRequest(String method, String path, String query, String ifMatch, Instant at) {}

  private record Fault(String method, Pattern path, int status, String reason, long retryAfterSeconds) {}

  private record Code(String user, String redirectUri, boolean offline, Set<String> scopes) {}

  private record Access(String user, Instant expires, Set<String> scopes) {}

  /** The full Calendar scope; the per-method lists below are the reference pages' "Authorization" tables. */
  public static final String FULL_SCOPE = "https://www.googleapis.com/auth/calendar";
  private static final String SCOPE_ROOT = FULL_SCOPE + ".";
  private static final Set<String> READ_CALENDAR_LIST = scopes("", "readonly", "calendarlist", "calendarlist.readonly");
  private static final Set<String> READ_CALENDAR = scopes("", "readonly", "calendars", "calendars.readonly");
  private static final Set<String> READ_EVENTS = scopes("", "readonly", "events", "events.readonly", "events.owned",
      "events.owned.readonly");
  private static final Set<String> WRITE_EVENTS = scopes("", "events", "events.owned");
  private static final Set<String> FREE_BUSY = scopes("", "readonly", "freebusy", "events.freebusy");

  private static Set<String> scopes(String... suffixes) {
    Set<String> out = new java.util.HashSet<>();
    for (String suffix : suffixes) {
      out.add(suffix.isEmpty() ? FULL_SCOPE : SCOPE_ROOT + suffix);
    }
    return Set.copyOf(out);
  }

  private record SyncToken(String calendarId, long seq, int epoch, boolean singleEvents) {}

  private record PageRest(List<JsonObject> items, String syncToken) {}

  private static final class Channel {
    final String id;
    final String resourceId;
    final String calendarId;
    final String token;
    final String address;
    final Instant expiration;
    final String user;
    long messageNumber = 1;
    boolean pending;

    Channel(String id, String resourceId, String calendarId, String token, String address, Instant expiration,
        String user) {
      this.id = id;
      this.resourceId = resourceId;
      this.calendarId = calendarId;
      this.token = token;
      this.address = address;
      this.expiration = expiration;
      this.user = user;
    }
  }

  private final Vertx vertx;
  private final Clock clock;
  private final Random random;
  private final SecureRandom ids = new SecureRandom();
  private final HttpClient client;
  private HttpServer server;

  private final Map<String, EmulatedCalendar> calendars = new LinkedHashMap<>();
  private final Map<String, Code> codes = new HashMap<>();
  private final Map<String, String> refreshTokens = new HashMap<>();
  private final Set<String> revokedRefreshTokens = new java.util.HashSet<>();
  private final Map<String, Access> accessTokens = new HashMap<>();
  private final Map<String, Set<String>> refreshScopes = new HashMap<>();
  private int revokedGrants;
  private final Map<String, SyncToken> syncTokens = new HashMap<>();
  private final Map<String, PageRest> pages = new HashMap<>();
  private final Map<String, Channel> channels = new LinkedHashMap<>();
  private final List<Fault> faults = new ArrayList<>();
  private final List<RecordedRequest> requests = new ArrayList<>();
  private NotifyPolicy policy = NotifyPolicy.PROMPT;
  private Duration accessTokenLifetime = Duration.ofSeconds(60);
  private Duration channelCap = Duration.ofDays(7);
  private boolean httpAddresses;
  private boolean randomPages;
  private String consentingUser;
  private volatile boolean consentPage;
  private long etags = 3181161784712000L;

  private GoogleCalendarEmulator(Vertx vertx, Clock clock, long seed) {
    this.vertx = vertx;
    this.clock = clock;
    this.random = new Random(seed);
    this.client = vertx.createHttpClient();
  }

  public static Future<GoogleCalendarEmulator> start(Vertx vertx, Clock clock, long seed) {
    GoogleCalendarEmulator emulator = new GoogleCalendarEmulator(vertx, clock, seed);
    // The Google client gzips request bodies.
    return vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions().setDecompressionSupported(true))
        .requestHandler(emulator.router()).listen(0, "127.0.0.1")
        .map(server -> {
          emulator.server = server;
          return emulator;
        });
  }

  public int port() {
    return server.actualPort();
  }

  public String apiRoot() {
    return "http://127.0.0.1:" + port() + "/";
  }

  public String oauthBase() {
    return "http://127.0.0.1:" + port() + "/oauth";
  }

  public Future<Void> close() {
    return server.close().compose(v -> client.close());
  }

  // ---------------------------------------------------------------- control API (tests act "as Google" here)

  /** Adds a user with a primary calendar whose id is their address. */
  public synchronized void addUser(String email) {
    calendars.putIfAbsent(email, new EmulatedCalendar(email, email, opaque(12)));
  }

  public synchronized void addCalendar(String owner, String calendarId) {
    calendars.putIfAbsent(calendarId, new EmulatedCalendar(calendarId, owner, opaque(12)));
  }

  /** The user whose consent the next {@code /oauth/auth} visit gives. */
  public synchronized void consentAs(String email) {
    consentingUser = email;
  }

  /** A refresh token for {@code email}, as if they had consented (for tests that skip the browser step). */
  public synchronized String issueRefreshToken(String email) {
    return issueRefreshToken(email, Set.of(FULL_SCOPE));
  }

  /** As above, for a grant of exactly these scopes: calls they do not cover answer 403 insufficientPermissions. */
  public synchronized String issueRefreshToken(String email, Set<String> scopes) {
    String token = "1//" + opaque(40);
    refreshTokens.put(token, email);
    refreshScopes.put(token, Set.copyOf(scopes));
    return token;
  }

  /** The user revoked access: their refresh tokens answer invalid_grant, their access tokens 401. */
  public synchronized void revoke(String email) {
    refreshTokens.forEach((token, user) -> {
      if (user.equals(email)) {
        revokedRefreshTokens.add(token);
      }
    });
    accessTokens.values().removeIf(a -> a.user().equals(email));
  }

  public synchronized void invalidateSyncTokens(String calendarId) {
    calendar(calendarId).epoch++;
  }

  /** The next {@code times} requests matching method and path regex answer {@code status} with {@code reason}. */
  public synchronized void fault(String method, String pathRegex, int status, String reason, long retryAfterSeconds,
      int times) {
    for (int i = 0; i < times; i++) {
      faults.add(new Fault(method, Pattern.compile(pathRegex), status, reason, retryAfterSeconds));
    }
  }

  public synchronized void notifyPolicy(NotifyPolicy newPolicy) {
    policy = newPolicy;
  }

  public synchronized void randomPages(boolean on) {
    randomPages = on;
  }

  public synchronized void channelCap(Duration cap) {
    channelCap = cap;
  }

  /**
   * Lets watch accept an {@code http://} address. Google requires HTTPS with a valid certificate and refuses anything
   * else; only a test whose receiver is a plain loopback server opts in.
   */
  public synchronized void allowHttpAddresses() {
    httpAddresses = true;
  }

  public synchronized void accessTokenLifetime(Duration lifetime) {
    accessTokenLifetime = lifetime;
  }

  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public synchronized int liveChannels(String calendarId) {
    Instant now = clock.instant();
    return (int) channels.values().stream()
        .filter(c -> c.calendarId.equals(calendarId) && c.expiration.isAfter(now)).count();
  }

  /** Creates an event as the calendar's owner (in Google's UI); returns its id. */
  public String userInsert(String calendarId, JsonObject body) {
    String id = body.getString("id", newEventId());
    JsonObject copy = body.copy().put("id", id);
    asUser(calendarId, () -> insert(calendarId, copy));
    return id;
  }

  public void userUpdate(String calendarId, String eventId, JsonObject body) {
    asUser(calendarId, () -> {
      StoredEvent e = eventOrInstance(calendar(calendarId), eventId);
      if (e != null) {
        write(calendar(calendarId), e, body.copy());
      }
    });
  }

  public void userDelete(String calendarId, String eventId) {
    asUser(calendarId, () -> {
      StoredEvent e = eventOrInstance(calendar(calendarId), eventId);
      if (e != null && !e.deleted) {
        e.deleted = true;
        touch(calendar(calendarId), e);
      }
    });
  }

  /** Live events and instances of the calendar, by id (what Google shows the user). */
  public synchronized Map<String, JsonObject> userView(String calendarId) {
    Instant now = clock.instant();
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (JsonObject item : calendar(calendarId).list(null, true, false, now.minus(Duration.ofDays(30)),
        now.plus(Duration.ofDays(400)), null, null)) {
      out.put(item.getString("id"), item);
    }
    return out;
  }

  public synchronized Map<String, JsonObject> storedEvents(String calendarId) {
    Map<String, JsonObject> out = new LinkedHashMap<>();
    calendar(calendarId).events.values().forEach(e -> out.put(e.id, e.resource()));
    return out;
  }

  public synchronized void reset() {
    calendars.clear();
    codes.clear();
    refreshTokens.clear();
    refreshScopes.clear();
    revokedRefreshTokens.clear();
    accessTokens.clear();
    syncTokens.clear();
    pages.clear();
    channels.clear();
    faults.clear();
    requests.clear();
    policy = NotifyPolicy.PROMPT;
    randomPages = false;
  }

  private void asUser(String calendarId, Runnable change) {
    long visibleAfter;
    synchronized (this) {
      visibleAfter = policy.visibilityDelayMs();
    }
    if (visibleAfter <= 0) {
      synchronized (this) {
        change.run();
      }
      return;
    }
    // Notify first, make the change readable later, as Google may.
    synchronized (this) {
      notifyChange(calendarId);
    }
    vertx.setTimer(visibleAfter, id -> {
      synchronized (this) {
        change.run();
      }
    });
  }

  // ---------------------------------------------------------------- HTTP

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(1_000_000));
    router.route().failureHandler(ctx -> {
      if (ctx.failure() != null) {
        ctx.failure().printStackTrace();
      }
      ctx.next();
    });
    router.route("/calendar/v3/*").handler(this::recordAndFault);
    router.route("/calendar/v3/*").handler(this::authenticate);
    router.get("/calendar/v3/users/me/calendarList").handler(this::calendarList);
    router.get("/calendar/v3/calendars/:cal").handler(this::getCalendar);
    router.post("/calendar/v3/calendars/:cal/events/watch").handler(this::watch);
    router.get("/calendar/v3/calendars/:cal/events").handler(this::list);
    router.post("/calendar/v3/calendars/:cal/events").handler(this::insertRoute);
    router.get("/calendar/v3/calendars/:cal/events/:id").handler(this::get);
    router.put("/calendar/v3/calendars/:cal/events/:id").handler(ctx -> updateRoute(ctx, false));
    router.patch("/calendar/v3/calendars/:cal/events/:id").handler(ctx -> updateRoute(ctx, true));
    router.delete("/calendar/v3/calendars/:cal/events/:id").handler(this::deleteRoute);
    router.post("/calendar/v3/channels/stop").handler(this::stop);
    router.post("/calendar/v3/freeBusy").handler(this::freeBusy);
    router.get("/oauth/auth").handler(this::authorize);
    router.post("/oauth/auth").handler(this::authorize); // the consent page's Allow button
    router.post("/oauth/token").handler(this::token);
    router.post("/oauth/revoke").handler(this::revokeRoute);
    router.post("/_emu/reset").handler(ctx -> {
      reset();
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_emu/google/invalidateSyncTokens").handler(ctx -> {
      invalidateSyncTokens(ctx.body().asJsonObject().getString("calendarId"));
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_emu/oauth/revoke").handler(ctx -> {
      revoke(ctx.body().asJsonObject().getString("subject"));
      ctx.response().setStatusCode(204).end();
    });
    router.post("/_emu/notify/policy").handler(ctx -> {
      JsonObject p = ctx.body().asJsonObject();
      notifyPolicy(new NotifyPolicy(p.getLong("delayMs", 0L), p.getLong("jitterMs", 0L),
          p.getDouble("dropRate", 0.0), p.getDouble("duplicateRate", 0.0), p.getLong("visibilityDelayMs", 0L),
          p.getBoolean("syncBeforeResponse", false)));
      ctx.response().setStatusCode(204).end();
    });
    router.get("/_emu/requests").handler(ctx -> {
      JsonArray out = new JsonArray();
      requests().forEach(r -> out.add(JsonObject.mapFrom(r)));
      ctx.json(out);
    });
    return router;
  }

  private synchronized void recordAndFault(RoutingContext ctx) {
    String path = ctx.request().path();
    requests.add(new RecordedRequest(ctx.request().method().name(), path, ctx.request().query(),
        ctx.request().getHeader("If-Match"), clock.instant()));
    for (int i = 0; i < faults.size(); i++) {
      Fault f = faults.get(i);
      if (f.method().equalsIgnoreCase(ctx.request().method().name()) && f.path().matcher(path).matches()) {
        faults.remove(i);
        if (f.retryAfterSeconds() > 0) {
          ctx.response().putHeader("Retry-After", Long.toString(f.retryAfterSeconds()));
        }
        String domain = f.status() == 403 || f.status() == 429 ? "usageLimits" : "global";
        error(ctx, f.status(), domain, f.reason(), f.reason(), null, null);
        return;
      }
    }
    ctx.next();
  }

  private synchronized void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    Access access = header == null || !header.startsWith("Bearer ") ? null
        : accessTokens.get(header.substring("Bearer ".length()));
    if (access == null || !access.expires().isAfter(clock.instant())) {
      error(ctx, 401, "global", "authError", "Invalid Credentials", "header", "Authorization");
      return;
    }
    Set<String> allowed = scopesFor(ctx.request().method().name(), ctx.request().path());
    if (allowed != null && access.scopes().stream().noneMatch(allowed::contains)) {
      error(ctx, 403, "global", "insufficientPermissions", "Request had insufficient authentication scopes.", null,
          null);
      return;
    }
    ctx.put("user", access.user());
    ctx.next();
  }

  /** The scopes any one of which a call needs; null: none checked (channels.stop, unknown routes answer 404). */
  private static Set<String> scopesFor(String method, String path) {
    if (path.equals("/calendar/v3/users/me/calendarList")) {
      return READ_CALENDAR_LIST;
    }
    if (path.equals("/calendar/v3/freeBusy")) {
      return FREE_BUSY;
    }
    if (path.contains("/events")) {
      return method.equals("GET") || path.endsWith("/events/watch") ? READ_EVENTS : WRITE_EVENTS;
    }
    return path.startsWith("/calendar/v3/calendars/") ? READ_CALENDAR : null;
  }

  private synchronized void calendarList(RoutingContext ctx) {
    String user = ctx.get("user");
    JsonArray items = new JsonArray();
    for (EmulatedCalendar c : calendars.values()) {
      if (c.owner.equals(user)) {
        items.add(new JsonObject().put("kind", "calendar#calendarListEntry").put("id", c.id)
            .put("summary", c.id.equals(user) ? user : c.id).put("accessRole", "owner")
            .put("primary", c.id.equals(user)).put("etag", "\"" + c.seq + "\""));
      }
    }
    ctx.json(new JsonObject().put("kind", "calendar#calendarList").put("items", items)
        .put("nextSyncToken", opaque(16)));
  }

  private synchronized void getCalendar(RoutingContext ctx) {
    EmulatedCalendar c = accessible(ctx);
    if (c != null) {
      ctx.json(new JsonObject().put("kind", "calendar#calendar").put("id", c.id).put("summary", c.id)
          .put("timeZone", "UTC").put("etag", "\"" + c.seq + "\""));
    }
  }

  private synchronized void list(RoutingContext ctx) {
    MultiMap q = ctx.queryParams();
    String pageToken = q.get("pageToken");
    int maxResults = Math.max(1, Math.min(2500, Integer.parseInt(q.get("maxResults") == null ? "250"
        : q.get("maxResults"))));
    EmulatedCalendar cal = accessible(ctx);
    if (cal == null) {
      return;
    }
    if (pageToken != null) {
      PageRest rest = pages.remove(pageToken);
      if (rest == null) {
        error(ctx, 400, "global", "invalid", "Invalid page token", "parameter", "pageToken");
        return;
      }
      page(ctx, rest.items(), rest.syncToken(), maxResults);
      return;
    }
    String token = q.get("syncToken");
    boolean singleEvents = "true".equals(q.get("singleEvents"));
    Long since = null;
    if (token != null) {
      for (String forbidden : NOT_WITH_SYNC_TOKEN) {
        if (q.contains(forbidden)) {
          error(ctx, 400, "global", "invalid", "Sync token cannot be used with other request restrictions.",
              "parameter", forbidden);
          return;
        }
      }
      if ("false".equals(q.get("showDeleted"))) {
        error(ctx, 400, "global", "invalid", "Sync token cannot be used with showDeleted=false.", "parameter",
            "showDeleted");
        return;
      }
      SyncToken known = syncTokens.get(token);
      if (known == null || !known.calendarId().equals(cal.id) || known.epoch() != cal.epoch) {
        error(ctx, 410, "calendar", "fullSyncRequired", "Sync token is no longer valid, a full sync is required.",
            "parameter", "syncToken");
        return;
      }
      if (known.singleEvents() != singleEvents) {
        error(ctx, 400, "global", "invalid", "singleEvents differs from the request that issued the sync token",
            "parameter", "singleEvents");
        return;
      }
      since = known.seq();
    }
    Instant now = clock.instant();
    Instant timeMin = q.get("timeMin") == null ? null : Instances.parse(
        new JsonObject().put("dateTime", q.get("timeMin")), ZoneOffset.UTC).toInstant();
    Instant timeMax = q.get("timeMax") == null ? null : Instances.parse(
        new JsonObject().put("dateTime", q.get("timeMax")), ZoneOffset.UTC).toInstant();
    List<JsonObject> items = cal.list(since, singleEvents, "true".equals(q.get("showDeleted")),
        now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(400)), timeMin, timeMax);
    String next = opaque(24);
    syncTokens.put(next, new SyncToken(cal.id, cal.seq, cal.epoch, singleEvents));
    page(ctx, items, next, maxResults);
  }

  private void page(RoutingContext ctx, List<JsonObject> items, String syncToken, int maxResults) {
    int size = Math.min(items.size(), maxResults);
    if (randomPages && !items.isEmpty()) {
      size = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.min(items.size(), maxResults));
    }
    JsonObject out = new JsonObject().put("kind", "calendar#events").put("etag", "\"" + opaque(8) + "\"")
        .put("timeZone", "UTC").put("accessRole", "owner").put("items", new JsonArray(items.subList(0, size)));
    if (size < items.size()) {
      String next = opaque(24);
      pages.put(next, new PageRest(new ArrayList<>(items.subList(size, items.size())), syncToken));
      out.put("nextPageToken", next);
    } else {
      out.put("nextSyncToken", syncToken);
    }
    ctx.json(out);
  }

  private synchronized void get(RoutingContext ctx) {
    EmulatedCalendar cal = accessible(ctx);
    if (cal == null) {
      return;
    }
    StoredEvent e = eventOrInstance(cal, ctx.pathParam("id"));
    if (e == null) {
      error(ctx, 404, "global", "notFound", "Not Found", null, null);
      return;
    }
    ctx.json(e.resource());
  }

  private synchronized void insertRoute(RoutingContext ctx) {
    EmulatedCalendar cal = accessible(ctx);
    if (cal == null) {
      return;
    }
    JsonObject body = ctx.body().asJsonObject();
    String invalid = validate(body);
    if (invalid != null) {
      error(ctx, 400, "global", "invalid", invalid, null, null);
      return;
    }
    String id = body.getString("id");
    if (id != null && !EVENT_ID.matcher(id).matches()) {
      error(ctx, 400, "global", "invalid", "Invalid resource id value.", null, null);
      return;
    }
    if (id != null && cal.events.containsKey(id)) {
      error(ctx, 409, "global", "duplicate", "The requested identifier already exists.", null, null);
      return;
    }
    StoredEvent e = insert(cal.id, body.copy().put("id", id == null ? newEventId() : id));
    ctx.json(e.resource());
  }

  private synchronized void updateRoute(RoutingContext ctx, boolean patch) {
    EmulatedCalendar cal = accessible(ctx);
    if (cal == null) {
      return;
    }
    StoredEvent e = eventOrInstance(cal, ctx.pathParam("id"));
    if (e == null) {
      error(ctx, 404, "global", "notFound", "Not Found", null, null);
      return;
    }
    String ifMatch = ctx.request().getHeader("If-Match");
    if (ifMatch != null && !ifMatch.equals(e.etag)) {
      error(ctx, 412, "global", "conditionNotMet", "Precondition Failed", "header", "If-Match");
      return;
    }
    JsonObject body = ctx.body().asJsonObject();
    JsonObject next = patch ? e.body.copy().mergeIn(body, true) : body.copy();
    String invalid = validate(next);
    if (invalid != null) {
      error(ctx, 400, "global", "invalid", invalid, null, null);
      return;
    }
    if (!"cancelled".equals(next.getString("status"))) {
      e.deleted = false; // an update of a deleted event restores it
    }
    write(cal, e, next);
    ctx.json(e.resource());
  }

  private synchronized void deleteRoute(RoutingContext ctx) {
    EmulatedCalendar cal = accessible(ctx);
    if (cal == null) {
      return;
    }
    StoredEvent e = eventOrInstance(cal, ctx.pathParam("id"));
    if (e == null) {
      error(ctx, 404, "global", "notFound", "Not Found", null, null);
      return;
    }
    if (e.cancelled()) {
      error(ctx, 410, "global", "deleted", "Resource has been deleted", null, null);
      return;
    }
    String ifMatch = ctx.request().getHeader("If-Match");
    if (ifMatch != null && !ifMatch.equals(e.etag)) {
      error(ctx, 412, "global", "conditionNotMet", "Precondition Failed", "header", "If-Match");
      return;
    }
    e.deleted = true;
    touch(cal, e);
    ctx.response().setStatusCode(204).end();
  }

  /**
   * The channel's expiry: the most restrictive of the requested {@code expiration} (epoch milliseconds), {@code
   * params.ttl} (seconds, default 604,800) and this emulator's cap, as the push guide says; null if either is not a
   * number.
   */
  private Instant channelExpiry(JsonObject body) {
    Instant now = clock.instant();
    Instant expiry = now.plus(channelCap);
    try {
      JsonObject params = body.getJsonObject("params");
      Object ttl = params == null ? null : params.getValue("ttl");
      Instant byTtl = now.plusSeconds(ttl == null ? DEFAULT_CHANNEL_TTL_SECONDS : Long.parseLong(ttl.toString()));
      Object requested = body.getValue("expiration");
      Instant byRequest = requested == null ? expiry : Instant.ofEpochMilli(Long.parseLong(requested.toString()));
      for (Instant limit : List.of(byTtl, byRequest)) {
        expiry = limit.isBefore(expiry) ? limit : expiry;
      }
      return expiry;
    } catch (NumberFormatException | ClassCastException e) {
      return null;
    }
  }

  private void watch(RoutingContext ctx) {
    Channel channel;
    JsonObject answer;
    synchronized (this) {
      EmulatedCalendar cal = accessible(ctx);
      if (cal == null) {
        return;
      }
      JsonObject body = ctx.body().asJsonObject();
      String id = body.getString("id");
      String type = body.getString("type");
      String address = body.getString("address");
      String token = body.getString("token");
      if (id == null || id.length() > 64 || address == null || !("web_hook".equals(type) || "webhook".equals(type))
          || (token != null && token.length() > 256) || channels.containsKey(id)) {
        error(ctx, 400, "global", "invalid", "Invalid channel", null, null);
        return;
      }
      if (!address.regionMatches(true, 0, "https://", 0, 8) && !httpAddresses) {
        error(ctx, 400, "push", "push.webhookUrlNotHttps", "WebHook callback must be HTTPS: " + address, null, null);
        return;
      }
      Instant expiration = channelExpiry(body);
      if (expiration == null) {
        error(ctx, 400, "global", "invalid", "Invalid value for ttl or expiration", null, null);
        return;
      }
      channel = new Channel(id, cal.resourceId, cal.id, token, address, expiration, ctx.get("user"));
      channels.put(id, channel);
      answer = new JsonObject().put("kind", "api#channel").put("id", id).put("resourceId", cal.resourceId)
          .put("resourceUri", apiRoot() + "calendar/v3/calendars/" + encode(cal.id) + "/events")
          .put("expiration", Long.toString(expiration.toEpochMilli()));
      if (token != null) {
        answer.put("token", token);
      }
    }
    Future<Void> sync = post(channel, "sync", 1);
    if (policy.syncBeforeResponse()) {
      sync.onComplete(done -> ctx.json(answer));
    } else {
      ctx.json(answer);
    }
  }

  private synchronized void stop(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    Channel c = channels.get(body.getString("id"));
    if (c == null || !c.resourceId.equals(body.getString("resourceId")) || !c.user.equals(ctx.get("user"))) {
      error(ctx, 404, "global", "notFound", "Channel not found", null, null);
      return;
    }
    channels.remove(c.id);
    ctx.response().setStatusCode(204).end();
  }

  private synchronized void freeBusy(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    Instant from = Instances.parse(new JsonObject().put("dateTime", body.getString("timeMin")), ZoneOffset.UTC)
        .toInstant();
    Instant to = Instances.parse(new JsonObject().put("dateTime", body.getString("timeMax")), ZoneOffset.UTC)
        .toInstant();
    if (!from.isBefore(to)) {
      error(ctx, 400, "calendar", "timeRangeEmpty", "The specified time range is empty.", "parameter", "timeMax");
      return;
    }
    JsonObject result = new JsonObject();
    String user = ctx.get("user");
    for (Object o : body.getJsonArray("items", new JsonArray())) {
      String id = ((JsonObject) o).getString("id");
      EmulatedCalendar cal = calendars.get(id);
      if (cal == null || !cal.owner.equals(user)) {
        result.put(id, new JsonObject().put("errors", new JsonArray().add(
            new JsonObject().put("domain", "global").put("reason", "notFound"))).put("busy", new JsonArray()));
        continue;
      }
      List<Instant[]> busy = new ArrayList<>();
      for (JsonObject item : cal.list(null, true, false, from.minus(Duration.ofDays(1)), to, from, to)) {
        if ("transparent".equals(item.getString("transparency"))) {
          continue;
        }
        Instant s = EmulatedCalendar.instant(item.getJsonObject("start"));
        Instant e = EmulatedCalendar.instant(item.getJsonObject("end"));
        busy.add(new Instant[] {s.isBefore(from) ? from : s, e.isAfter(to) ? to : e});
      }
      busy.sort((a, b) -> a[0].compareTo(b[0]));
      JsonArray merged = new JsonArray();
      Instant[] open = null;
      for (Instant[] b : busy) {
        if (open != null && !b[0].isAfter(open[1])) {
          open[1] = b[1].isAfter(open[1]) ? b[1] : open[1];
        } else {
          if (open != null) {
            merged.add(new JsonObject().put("start", open[0].toString()).put("end", open[1].toString()));
          }
          open = new Instant[] {b[0], b[1]};
        }
      }
      if (open != null) {
        merged.add(new JsonObject().put("start", open[0].toString()).put("end", open[1].toString()));
      }
      result.put(id, new JsonObject().put("busy", merged));
    }
    ctx.json(new JsonObject().put("kind", "calendar#freeBusy").put("timeMin", from.toString())
        .put("timeMax", to.toString()).put("calendars", result));
  }

  /**
   * Whether {@code /oauth/auth} shows a consent page whose Allow button (a form post answered with 302) sends the
   * browser back, as Google's does, instead of redirecting at once (an account that consented before).
   */
  public void showConsentPage(boolean show) {
    consentPage = show;
  }

  private synchronized void authorize(RoutingContext ctx) {
    boolean allowed = ctx.request().method() == HttpMethod.POST;
    MultiMap q = allowed ? ctx.request().formAttributes() : ctx.queryParams();
    if (!allowed && consentPage && consentingUser != null) {
      StringBuilder hidden = new StringBuilder();
      q.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(html(name))
          .append("\" value=\"").append(html(value)).append("\">"));
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("<!doctype html><html lang=\"en\">"
          + "<head><link rel=\"icon\" href=\"data:,\"><title>Sign in - Google Accounts</title></head><body><main><h1>Dovetail wants to access your"
          + " Google Account</h1><p>" + html(consentingUser) + "</p><form method=\"post\" action=\"/oauth/auth\">"
          + hidden + "<button id=\"allow\" type=\"submit\">Allow</button></form></main></body></html>");
      return;
    }
    if (!CLIENT_ID.equals(q.get("client_id")) || q.get("redirect_uri") == null || consentingUser == null) {
      ctx.response().setStatusCode(400).end("invalid_request");
      return;
    }
    String code = "4/" + opaque(30);
    Set<String> asked = q.get("scope") == null ? Set.of() : Set.of(q.get("scope").trim().split(" +"));
    codes.put(code, new Code(consentingUser, q.get("redirect_uri"), "offline".equals(q.get("access_type")), asked));
    String location = q.get("redirect_uri") + (q.get("redirect_uri").contains("?") ? "&" : "?") + "code="
        + encode(code) + "&state=" + encode(q.get("state") == null ? "" : q.get("state"));
    ctx.response().setStatusCode(302).putHeader("Location", location).end();
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * POST /oauth/revoke ({@code token=} a refresh or access token), as https://oauth2.googleapis.com/revoke: the grant
   * is withdrawn (its refresh tokens answer invalid_grant, its access tokens 401); an unknown token is 400.
   */
  private synchronized void revokeRoute(RoutingContext ctx) {
    String token = ctx.request().formAttributes().get("token");
    String user = token == null ? null : refreshTokens.get(token);
    if (user == null && token != null && accessTokens.containsKey(token)) {
      user = accessTokens.get(token).user();
    }
    if (user == null) {
      oauthError(ctx, 400, "invalid_token", "Token expired or revoked");
      return;
    }
    revokedGrants++;
    revoke(user);
    ctx.response().setStatusCode(200).end();
  }

  /** How many grants were revoked through the revoke endpoint (by the app, not by the user). */
  public synchronized int revokedGrants() {
    return revokedGrants;
  }

  private synchronized void token(RoutingContext ctx) {
    MultiMap form = ctx.request().formAttributes();
    if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      oauthError(ctx, 401, "invalid_client", "The OAuth client was not found.");
      return;
    }
    String grant = form.get("grant_type");
    String user;
    String refresh = null;
    Set<String> scopes;
    if ("authorization_code".equals(grant)) {
      Code code = codes.remove(form.get("code"));
      if (code == null || !code.redirectUri().equals(form.get("redirect_uri"))) {
        oauthError(ctx, 400, "invalid_grant", "Malformed auth code.");
        return;
      }
      user = code.user();
      scopes = code.scopes();
      if (code.offline()) {
        refresh = issueRefreshToken(user, scopes);
      }
    } else if ("refresh_token".equals(grant)) {
      String token = form.get("refresh_token");
      user = refreshTokens.get(token);
      if (user == null || revokedRefreshTokens.contains(token)) {
        oauthError(ctx, 400, "invalid_grant", "Token has been expired or revoked.");
        return;
      }
      scopes = refreshScopes.getOrDefault(token, Set.of(FULL_SCOPE));
    } else {
      oauthError(ctx, 400, "unsupported_grant_type", "Invalid grant_type: " + grant);
      return;
    }
    String access = "ya29." + opaque(40);
    accessTokens.put(access, new Access(user, clock.instant().plus(accessTokenLifetime), scopes));
    JsonObject out = new JsonObject().put("access_token", access)
        .put("expires_in", accessTokenLifetime.toSeconds()).put("scope", String.join(" ", new java.util.TreeSet<>(scopes)))
        .put("token_type", "Bearer");
    if (refresh != null) {
      out.put("refresh_token", refresh);
    }
    ctx.json(out);
  }

  // ---------------------------------------------------------------- state changes

  private StoredEvent insert(String calendarId, JsonObject body) {
    EmulatedCalendar cal = calendar(calendarId);
    String id = body.getString("id");
    JsonObject stored = normalized(body);
    stored.remove("id");
    StoredEvent e = new StoredEvent(id, stored, null, null, id + "@google.com", clock.instant());
    cal.events.put(id, e);
    touch(cal, e);
    return e;
  }

  /** Times as Google returns them: RFC 3339 with the offset of the event's zone (a client may send local times). */
  private static JsonObject normalized(JsonObject body) {
    JsonObject out = body.copy();
    for (String field : List.of("start", "end")) {
      JsonObject t = out.getJsonObject(field);
      if (t != null && t.getString("dateTime") != null) {
        java.time.ZoneId zone = t.getString("timeZone") == null ? ZoneOffset.UTC : java.time.ZoneId.of(
            t.getString("timeZone"));
        t.put("dateTime", Instances.parse(t, zone).toOffsetDateTime()
            .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      }
    }
    return out;
  }

  private void write(EmulatedCalendar cal, StoredEvent e, JsonObject body) {
    JsonObject stored = normalized(body);
    for (String server : List.of("id", "etag", "kind", "created", "updated", "iCalUID", "recurringEventId",
        "originalStartTime")) {
      stored.remove(server);
    }
    e.body = stored;
    touch(cal, e);
  }

  /** A stored event, or a recurring instance made into an exception so that it can be changed on its own. */
  private StoredEvent eventOrInstance(EmulatedCalendar cal, String id) {
    StoredEvent e = cal.events.get(id);
    if (e != null) {
      return e;
    }
    int underscore = id.lastIndexOf('_');
    StoredEvent master = underscore < 0 ? null : cal.events.get(id.substring(0, underscore));
    if (master == null || !master.recurringMaster()) {
      return null;
    }
    Instant now = clock.instant();
    for (Instances.Instance i : Instances.expand(master, now.minus(Duration.ofDays(30)),
        now.plus(Duration.ofDays(400)))) {
      if (i.id().equals(id)) {
        JsonObject body = master.body.copy().put("start", i.start()).put("end", i.end());
        body.remove("recurrence");
        StoredEvent exception = new StoredEvent(id, body, master.id, i.originalStartTime(), master.iCalUid, now);
        exception.etag = master.etag;
        exception.seq = master.seq;
        cal.events.put(id, exception);
        return exception;
      }
    }
    return null;
  }

  private void touch(EmulatedCalendar cal, StoredEvent e) {
    e.etag = "\"" + (++etags) + "\"";
    e.seq = ++cal.seq;
    e.updated = clock.instant();
    if (policy.visibilityDelayMs() <= 0) {
      notifyChange(cal.id);
    }
  }

  private static String validate(JsonObject body) {
    JsonObject start = body.getJsonObject("start");
    JsonObject end = body.getJsonObject("end");
    if (start == null || end == null) {
      return "Missing end time.";
    }
    boolean recurring = body.getJsonArray("recurrence") != null && !body.getJsonArray("recurrence").isEmpty();
    if (recurring && start.getString("dateTime") != null && start.getString("timeZone") == null) {
      return "Missing time zone definition for start time.";
    }
    return null;
  }

  // ---------------------------------------------------------------- push

  private void notifyChange(String calendarId) {
    Instant now = clock.instant();
    for (Channel c : channels.values()) {
      if (!c.calendarId.equals(calendarId) || !c.expiration.isAfter(now) || c.pending) {
        continue; // coalesced into the notification already on its way
      }
      c.pending = true;
      long delay = policy.delayMs() + (policy.jitterMs() > 0 ? random.nextLong(policy.jitterMs() + 1) : 0);
      boolean drop = random.nextDouble() < policy.dropRate();
      boolean duplicate = random.nextDouble() < policy.duplicateRate();
      vertx.setTimer(Math.max(1, delay), id -> {
        long number;
        synchronized (this) {
          c.pending = false;
          if (drop || !channels.containsKey(c.id) || !c.expiration.isAfter(clock.instant())) {
            return;
          }
          c.messageNumber += 1 + random.nextInt(5);
          number = c.messageNumber;
        }
        post(c, "exists", number);
        if (duplicate) {
          post(c, "exists", number);
        }
      });
    }
  }

  private Future<Void> post(Channel c, String state, long number) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(c.address)
        .putHeader("User-Agent", "APIs-Google")
        .putHeader("X-Goog-Channel-ID", c.id)
        .putHeader("X-Goog-Message-Number", Long.toString(number))
        .putHeader("X-Goog-Resource-ID", c.resourceId)
        .putHeader("X-Goog-Resource-State", state)
        .putHeader("X-Goog-Resource-URI", apiRoot() + "calendar/v3/calendars/" + encode(c.calendarId) + "/events")
        .putHeader("X-Goog-Channel-Expiration", HTTP_DATE.format(c.expiration))
        .putHeader("Content-Length", "0");
    if (c.token != null) {
      options.putHeader("X-Goog-Channel-Token", c.token);
    }
    return client.request(options).compose(req -> req.send()).<Void>mapEmpty().recover(err -> Future.succeededFuture());
  }

  // ---------------------------------------------------------------- helpers

  private EmulatedCalendar accessible(RoutingContext ctx) {
    String id = ctx.pathParam("cal");
    if ("primary".equals(id)) {
      id = ctx.get("user");
    }
    EmulatedCalendar cal = calendars.get(id);
    if (cal == null || !cal.owner.equals(ctx.get("user"))) {
      error(ctx, 404, "global", "notFound", "Not Found", null, null);
      return null;
    }
    return cal;
  }

  private EmulatedCalendar calendar(String id) {
    EmulatedCalendar cal = calendars.get(id);
    if (cal == null) {
      throw new IllegalArgumentException("no calendar " + id);
    }
    return cal;
  }

  private static void error(RoutingContext ctx, int status, String domain, String reason, String message,
      String locationType, String location) {
    JsonObject detail = new JsonObject().put("domain", domain).put("reason", reason).put("message", message);
    if (locationType != null) {
      detail.put("locationType", locationType).put("location", location);
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(new JsonObject().put("error", new JsonObject().put("errors", new JsonArray().add(detail))
            .put("code", status).put("message", message)).encode());
  }

  private static void oauthError(RoutingContext ctx, int status, String error, String description) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(new JsonObject().put("error", error).put("error_description", description).encode());
  }

  private String newEventId() {
    StringBuilder id = new StringBuilder();
    String alphabet = "0123456789abcdefghijklmnopqrstuv";
    for (int i = 0; i < 26; i++) {
      id.append(alphabet.charAt(ids.nextInt(32)));
    }
    return id.toString();
  }

  private String opaque(int bytes) {
    byte[] b = new byte[bytes];
    ids.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
