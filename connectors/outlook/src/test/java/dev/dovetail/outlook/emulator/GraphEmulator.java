package dev.dovetail.outlook.emulator;

import dev.dovetail.outlook.emulator.EmuJson.OutZone;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful Microsoft Graph v1.0 calendar emulator (https://learn.microsoft.com/graph/api/resources/calendar) that the
 * real Graph SDK reaches over loopback HTTP: calendars, events with changeKey, calendarView and calendarView/delta
 * rounds, series, getSchedule, subscriptions with real validation and notification POSTs, lifecycle events, throttling,
 * and the identity platform's token endpoint. Tests steer it through the Java methods below or the same operations
 * under {@code /_emu/...}.
 */
public final class GraphEmulator {

  public static final String USER_ID = "5f1c9a43-8d2b-4c7e-9a51-0e3f6b7d2c18";
  public static final String USER_UPN = "provider@contoso.example";
  public static final String TENANT = "contoso-tenant";
  private volatile boolean consentPage;
  private volatile boolean personalAccount;
  private volatile boolean accessPolicyDenies;
  static final int CALENDAR_PAGE = 10;

  /** One request as the emulator saw it, for assertions on headers and timing. */
  public record RecordedRequest(String method, String path, String query, String prefer, String ifMatch,
      Instant at) {
  }

  private record Fault(HttpMethod method, Pattern path, int status, String code, Integer retryAfter,
      AtomicInteger times) {
  }

  private static final Pattern PREFER_TZ = Pattern.compile("outlook\\.timezone=\"?([^\",]+)\"?");
  private static final Pattern PREFER_PAGE = Pattern.compile("odata\\.maxpagesize=(\\d+)");

  private final Vertx vertx;
  private final EmuClock clock;
  private final Random random = new Random(7);
  private final EmuOAuth oauth;
  private final EmuNotifications notifications;
  private final EmuMailbox mailbox;
  private final EmuDelta delta;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private HttpServer tlsServer;
  private EmuTls tls;
  private volatile String workingHoursZone = "W. Europe Standard Time";
  private volatile boolean customWorkingHoursZone;

  private GraphEmulator(Vertx vertx, Instant start) {
    this.vertx = vertx;
    this.clock = new EmuClock(start);
    this.oauth = new EmuOAuth(clock);
    this.notifications = new EmuNotifications(vertx, clock, random, USER_ID);
    this.mailbox = new EmuMailbox(USER_ID, USER_UPN, clock, notifications::changed);
    this.delta = new EmuDelta(mailbox, random);
  }

  /**
   * An emulator whose clock starts at {@code start} and runs on from there at the real pace; a
   * hub under test that takes {@link #clock()} as its own agrees with the emulator on every expiry.
   */
  public static Future<GraphEmulator> start(Vertx vertx, Instant start) {
    GraphEmulator emulator = new GraphEmulator(vertx, start);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(1 << 20));
    router.route("/_emu/*").handler(emulator::control);
    router.route().handler(emulator::faultsAndLog);
    router.route("/:tenant/oauth2/v2.0/*").handler(emulator::identity);
    router.route("/v1.0/*").handler(emulator::graph);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").map(server -> {
      emulator.server = server;
      return emulator;
    });
  }

  /**
   * Also serves everything over HTTPS on a second port, with a certificate for 127.0.0.1 that the JDK's keytool makes
   * for this emulator (azure-identity and MSAL talk to the identity platform over HTTPS only). The certificate is in
   * {@link #tlsCertificate()}, for the test's own trust.
   */
  public Future<GraphEmulator> withTls() {
    EmuTls tls = EmuTls.generate();
    return vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(tls.keyStore()))
        .requestHandler(server.requestHandler()).listen(0, "127.0.0.1").map(started -> {
          this.tlsServer = started;
          this.tls = tls;
          return this;
        });
  }

  /** The HTTPS login base ({@link #withTls()} first), as azure-identity's authority host. */
  public String loginBaseTls() {
    return "https://127.0.0.1:" + tlsServer.actualPort();
  }

  public java.security.cert.X509Certificate tlsCertificate() {
    return tls.certificate();
  }

  /** The same certificate in PEM, as an operator would hand it to the hub ({@code DOVETAIL_MS_TRUST_PEM}). */
  public String tlsCertificatePem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
          .encodeToString(tls.certificate().getEncoded()) + "\n-----END CERTIFICATE-----\n";
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes the client-credentials grant refuse this app's secret from now on (an admin rotated or deleted it). */
  public void rotateClientSecret(String newSecret) {
    oauth.clientSecret = newSecret;
  }

  public Future<Void> stop() {
    return tlsServer == null ? server.close() : tlsServer.close().compose(v -> server.close());
  }

  public int port() {
    return server.actualPort();
  }

  /** What the Graph SDK's request adapter takes as base URL. */
  public String graphBase() {
    return "http://127.0.0.1:" + port() + "/v1.0";
  }

  /** Where the identity platform lives ({@code {loginBase}/{tenant}/oauth2/v2.0/token}). */
  public String loginBase() {
    return "http://127.0.0.1:" + port();
  }

  // ---- Java control API ------------------------------------------------------------------------------------------

  /** The emulator as the common module's tests drive an external calendar. */
  public GraphExternalSide externalSide() {
    return new GraphExternalSide(this);
  }

  public EmuClock clock() {
    return clock;
  }

  public String primaryCalendarId() {
    return mailbox.primaryCalendarId();
  }

  public String createCalendar(String name) {
    return mailbox.createCalendar(name);
  }

  /** Another user (or the provider in Outlook) creates an event; returns it as Graph would (UTC). */
  public JsonObject createEvent(String calendarId, JsonObject event) {
    return mailbox.create(calendarId, event, OutZone.UTC);
  }

  public JsonObject updateEvent(String eventId, JsonObject patch) {
    return mailbox.update(eventId, patch, null, OutZone.UTC);
  }

  public void deleteEvent(String eventId) {
    mailbox.delete(eventId);
  }

  /**
   * A notification before its change is readable: the change notification goes out now; the change itself becomes visible to reads only when the test runs
   * the returned action (a test-owned moment, not a delay that a loaded machine could outlast).
   */
  public Runnable createEventVisibleLater(String calendarId, JsonObject event) {
    notifications.changed(new EmuMailbox.Change(mailbox.resolveCalendar(calendarId), EmuMailbox.opaqueId(),
        "created"));
    return () -> mailbox.create(calendarId, event, OutZone.UTC);
  }

  /** The calendar view in UTC, as Graph shows it (occurrences and exceptions, no masters). */
  public List<JsonObject> view(String calendarId, Instant from, Instant to) {
    return mailbox.view(mailbox.resolveCalendar(calendarId), from, to).stream()
        .map(i -> mailbox.instanceJson(i, OutZone.UTC)).toList();
  }

  /** The event with its extended properties, as GET with $expand shows it. */
  public JsonObject event(String id) {
    return mailbox.get(id, OutZone.UTC, true).orElse(null);
  }

  public int eventCount() {
    return mailbox.eventCount();
  }

  public void invalidateDelta(String mode) {
    delta.invalidate(mode);
  }

  public void deltaKnobs(boolean duplicateAcrossPages, boolean replayOnNextRound, boolean reportOutOfRangeAsRemoved,
      int pageSize) {
    delta.duplicateAcrossPages = duplicateAcrossPages;
    delta.replayOnNextRound = replayOnNextRound;
    delta.reportOutOfRangeAsRemoved = reportOutOfRangeAsRemoved;
    delta.defaultPageSize = pageSize;
  }

  public void notifyPolicy(long delayMs, double dropRate, double duplicateRate, boolean reorder) {
    notifications.policy(new EmuNotifications.Policy(delayMs, dropRate, duplicateRate, reorder));
  }

  /** Lets subscriptions name {@code http://} notification URLs (real Graph accepts HTTPS only); survives reset. */
  public void allowHttpNotificationUrls() {
    allowHttpNotificationUrls(true);
  }

  public void allowHttpNotificationUrls(boolean allowed) {
    notifications.httpUrls = allowed;
  }

  public void subscriptionLimits(long maxLifetimeMinutes, boolean rejectOverLimit) {
    notifications.maxLifetimeMinutes = maxLifetimeMinutes;
    notifications.rejectOverLimit = rejectOverLimit;
  }

  public void lifecycle(String subscriptionId, String event) {
    notifications.lifecycle(subscriptionId, event);
  }

  public List<String> subscriptionIds() {
    return notifications.ids();
  }

  public JsonArray subscriptions() {
    return notifications.list();
  }

  public List<JsonObject> deliveries() {
    return notifications.deliveries();
  }

  public int droppedNotifications() {
    return notifications.dropped.get();
  }

  public int validations() {
    return notifications.validations.get();
  }

  /** The next {@code times} requests matching method and path (a regex on the path) get {@code status}. */
  public void fault(String method, String pathRegex, int status, String code, Integer retryAfterSeconds, int times) {
    faults.add(new Fault(HttpMethod.valueOf(method), Pattern.compile(pathRegex), status, code, retryAfterSeconds,
        new AtomicInteger(times)));
  }

  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  public String accessToken() {
    return oauth.mintAccessToken();
  }

  public String clientId() {
    return oauth.clientId;
  }

  public String clientSecret() {
    return oauth.clientSecret;
  }

  public void accessTokenLifetime(long seconds) {
    oauth.expiresInSeconds = seconds;
  }

  /**
   * Whether the authorize endpoint shows a consent page whose Accept button (a form post answered with 302) sends the
   * browser back, as Microsoft's does, instead of redirecting at once (an account that consented before).
   */
  public void showConsentPage(boolean show) {
    consentPage = show;
  }

  private static String consentPage(io.vertx.core.MultiMap query) {
    StringBuilder hidden = new StringBuilder();
    query.forEach((name, value) -> hidden.append("<input type=\"hidden\" name=\"").append(html(name))
        .append("\" value=\"").append(html(value)).append("\">"));
    return "<!doctype html><html lang=\"en\"><head><link rel=\"icon\" href=\"data:,\"><title>Permissions requested</title></head><body><main>"
        + "<h1>Permissions requested</h1><p>" + html(USER_UPN) + "</p><form method=\"post\">" + hidden
        + "<button id=\"accept\" type=\"submit\">Accept</button></form></main></body></html>";
  }

  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The signed-in user has a personal Microsoft account: getSchedule is refused (delegated, consumer accounts). */
  public void personalAccount(boolean personal) {
    personalAccount = personal;
  }

  /** An Exchange application access policy excludes the mailbox: app-only calls answer 403 ErrorAccessDenied. */
  public void accessPolicyDenies(boolean denies) {
    accessPolicyDenies = denies;
  }

  public void revokeGrant() {
    oauth.revoke();
  }

  /** getSchedule's workingHours zone: a Windows name, or a customTimeZone (bias and transitions) when custom. */
  public void workingHoursZone(String windowsName, boolean custom) {
    this.workingHoursZone = windowsName;
    this.customWorkingHoursZone = custom;
  }

  public void reset() {
    personalAccount = false;
    accessPolicyDenies = false;
    consentPage = false;
    mailbox.clear();
    delta.reset();
    notifications.reset();
    oauth.reset();
    faults.clear();
    requests.clear();
    clock.reset();
    workingHoursZone = "W. Europe Standard Time";
    customWorkingHoursZone = false;
  }

  // ---- HTTP: control -------------------------------------------------------------------------------------------

  private void control(RoutingContext ctx) {
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : ctx.body().asJsonObject();
    String op = ctx.request().path().substring("/_emu/".length());
    try {
      Object answer = switch (op) {
        case "reset" -> {
          reset();
          yield null;
        }
        case "clock" -> {
          clock.advance(Duration.ofSeconds(body.getLong("advanceSeconds", 0L)));
          yield new JsonObject().put("now", clock.instant().toString());
        }
        case "faults" -> {
          JsonObject match = body.getJsonObject("match");
          JsonObject respond = body.getJsonObject("respond");
          fault(match.getString("method"), match.getString("path"), respond.getInteger("status"),
              respond.getString("code", "activityLimitReached"), respond.getInteger("retryAfter"),
              body.getInteger("times", 1));
          yield null;
        }
        case "graph/invalidateDelta" -> {
          invalidateDelta(body.getString("mode", "410Location"));
          yield null;
        }
        case "graph/deltaKnobs" -> {
          deltaKnobs(body.getBoolean("duplicateAcrossPages", false), body.getBoolean("replayOnNextRound", false),
              body.getBoolean("reportOutOfRangeAsRemoved", false), body.getInteger("pageSize", 10));
          yield null;
        }
        case "notify/policy" -> {
          notifyPolicy(body.getLong("delayMs", 20L), body.getDouble("dropRate", 0.0),
              body.getDouble("duplicateRate", 0.0), body.getBoolean("reorder", false));
          yield null;
        }
        case "graph/lifecycle" -> {
          lifecycle(body.getString("subscriptionId"), body.getString("event"));
          yield null;
        }
        case "graph/events" -> createEvent(body.getString("calendarId", EmuMailbox.PRIMARY),
            body.getJsonObject("event"));
        case "oauth/revoke" -> {
          revokeGrant();
          yield null;
        }
        case "requests" -> new JsonArray(requests().stream().map(r -> new JsonObject().put("method", r.method())
            .put("path", r.path()).put("query", r.query()).put("prefer", r.prefer()).put("ifMatch", r.ifMatch())
            .put("at", r.at().toString())).toList());
        default -> throw new EmuException(404, "itemNotFound", "no control operation " + op);
      };
      ctx.response().setStatusCode(answer == null ? 204 : 200).putHeader("Content-Type", "application/json")
          .end(answer == null ? "" : answer.toString());
    } catch (EmuException e) {
      fail(ctx, e);
    } catch (RuntimeException e) {
      fail(ctx, new EmuException(400, "invalidRequest", String.valueOf(e.getMessage())));
    }
  }

  private void faultsAndLog(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    requests.add(new RecordedRequest(req.method().name(), req.path(), req.query(),
        String.join(", ", req.headers().getAll("Prefer")), req.getHeader("If-Match"), clock.instant()));
    for (Fault f : faults) {
      if (f.method.equals(req.method()) && f.path.matcher(req.path()).find() && f.times.getAndDecrement() > 0) {
        Map<String, String> headers = f.retryAfter == null ? Map.of() : Map.of("Retry-After", "" + f.retryAfter);
        fail(ctx, new EmuException(f.status, f.code, "Injected fault", headers));
        return;
      }
    }
    ctx.next();
  }

  // ---- HTTP: identity platform -----------------------------------------------------------------------------------

  private void identity(RoutingContext ctx) {
    String path = ctx.request().path();
    try {
      if (path.endsWith("/authorize") && ctx.request().method() == HttpMethod.GET && consentPage) {
        ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end(consentPage(ctx.queryParams()));
      } else if (path.endsWith("/authorize") && ctx.request().method() == HttpMethod.GET) {
        ctx.response().setStatusCode(302).putHeader("Location", oauth.authorize(ctx.queryParams())).end();
      } else if (path.endsWith("/authorize") && ctx.request().method() == HttpMethod.POST) {
        // The consent page's Accept button: a form post answered with the redirect back to the app.
        ctx.response().setStatusCode(302).putHeader("Location", oauth.authorize(form(ctx.body().asString()))).end();
      } else if (path.endsWith("/token") && ctx.request().method() == HttpMethod.POST) {
        JsonObject answer = oauth.token(form(ctx.body().asString()));
        ctx.response().putHeader("Content-Type", "application/json").end(answer.encode());
      } else {
        ctx.response().setStatusCode(404).end();
      }
    } catch (EmuException e) {
      ctx.response().setStatusCode(e.status).putHeader("Content-Type", "application/json")
          .end(new JsonObject().put("error", e.code).put("error_description", e.getMessage())
              .put("error_codes", new JsonArray().add(70000)).put("timestamp", clock.instant().toString()).encode());
    }
  }

  /** An x-www-form-urlencoded body, decoded here (Vert.x's form decoder dropped fields after MSAL's claims JSON). */
  private static io.vertx.core.MultiMap form(String body) {
    io.vertx.core.MultiMap form = io.vertx.core.MultiMap.caseInsensitiveMultiMap();
    for (String pair : (body == null ? "" : body).split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        form.add(java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  // ---- HTTP: Graph -----------------------------------------------------------------------------------------------

  private void graph(RoutingContext ctx) {
    try {
      if (!oauth.valid(ctx.request().getHeader("Authorization"))) {
        throw new EmuException(401, "InvalidAuthenticationToken", "Access token is empty or has expired.");
      }
      route(ctx);
    } catch (EmuException e) {
      fail(ctx, e);
    } catch (DateTimeParseException | IllegalArgumentException | ClassCastException e) {
      fail(ctx, new EmuException(400, "invalidRequest", String.valueOf(e.getMessage())));
    }
  }

  private void route(RoutingContext ctx) {
    List<String> seg = new ArrayList<>(Arrays.asList(ctx.request().path().substring("/v1.0/".length()).split("/")));
    HttpMethod method = ctx.request().method();
    if (seg.get(0).equals("subscriptions")) {
      subscriptions(ctx, seg, method);
      return;
    }
    if (accessPolicyDenies && oauth.appOnly(ctx.request().getHeader("Authorization"))) {
      throw new EmuException(403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant"
          + " configured AppOnly AccessPolicy settings.");
    }
    if (seg.get(0).equals("me")) {
      if (oauth.appOnly(ctx.request().getHeader("Authorization"))) {
        throw new EmuException(400, "BadRequest",
            "/me request is only valid with delegated authentication flow.");
      }
      seg.remove(0);
    } else if (seg.get(0).equals("users") && seg.size() > 1
        && (seg.get(1).equalsIgnoreCase(USER_ID) || seg.get(1).equalsIgnoreCase(USER_UPN)
            || seg.get(1).equalsIgnoreCase(USER_UPN.replace("@", "%40")))) {
      seg.subList(0, 2).clear();
    } else {
      throw new EmuException(404, "ResourceNotFound", "Resource not found for the segment '" + seg.get(0) + "'.");
    }
    OutZone out = OutZone.of(prefer(ctx, PREFER_TZ));
    if ((seg.isEmpty() || seg.get(0).isEmpty()) && method == HttpMethod.GET) {
      json(ctx, 200, new JsonObject().put("id", USER_ID).put("userPrincipalName", USER_UPN).put("mail", USER_UPN)
          .put("displayName", "Emulated Provider"));
      return;
    }
    if (seg.size() == 1 && seg.get(0).equals("calendars") && method == HttpMethod.GET) {
      // Graph pages collections: ten calendars a page, the rest behind @odata.nextLink.
      JsonArray all = mailbox.calendarsJson();
      int skip = Integer.parseInt(ctx.request().getParam("$skip", "0"));
      JsonObject page = new JsonObject().put("value", new JsonArray(all.getList().subList(Math.min(skip, all.size()),
          Math.min(skip + CALENDAR_PAGE, all.size()))));
      if (skip + CALENDAR_PAGE < all.size()) {
        page.put("@odata.nextLink", graphBase() + ctx.request().path().substring("/v1.0".length()) + "?$skip="
            + (skip + CALENDAR_PAGE));
      }
      json(ctx, 200, page);
      return;
    }
    String calendarId = null;
    if (!seg.isEmpty() && seg.get(0).equals("calendar")) {
      calendarId = mailbox.primaryCalendarId();
      seg.remove(0);
    } else if (seg.size() > 1 && seg.get(0).equals("calendars")) {
      calendarId = mailbox.resolveCalendar(seg.get(1));
      seg.subList(0, 2).clear();
    }
    String first = seg.isEmpty() ? "" : seg.get(0);
    if (first.equalsIgnoreCase("calendarView")) {
      String cal = calendarId == null ? mailbox.primaryCalendarId() : calendarId;
      if (seg.size() == 2 && (seg.get(1).equals("delta") || seg.get(1).equals("delta()"))) {
        deltaRequest(ctx, cal, out);
      } else {
        Instant[] window = window(ctx);
        JsonArray value = new JsonArray();
        mailbox.view(cal, window[0], window[1]).forEach(i -> value.add(mailbox.instanceJson(i, out)));
        json(ctx, 200, new JsonObject().put("value", value));
      }
    } else if (first.equals("getSchedule") && method == HttpMethod.POST) {
      if (personalAccount) {
        throw new EmuException(400, "ErrorInvalidRequest",
            "getSchedule is not supported for personal Microsoft accounts.");
      }
      json(ctx, 200, schedule(ctx.body().asJsonObject(), out));
    } else if (first.equals("events") && seg.size() == 1) {
      if (method == HttpMethod.POST) {
        json(ctx, 201, mailbox.create(calendarId, ctx.body().asJsonObject(), out));
      } else {
        json(ctx, 200, new JsonObject().put("value", new JsonArray(mailbox.masters(calendarId, out))));
      }
    } else if (first.equals("events") && seg.size() == 2) {
      String id = seg.get(1);
      if (method == HttpMethod.GET) {
        String expand = ctx.request().getParam("$expand");
        json(ctx, 200, mailbox.get(id, out, expand != null && expand.contains("singleValueExtendedProperties"))
            .orElseThrow(() -> new EmuException(404, "ErrorItemNotFound", "The specified object was not found.")));
      } else if (method == HttpMethod.PATCH) {
        json(ctx, 200, mailbox.update(id, ctx.body().asJsonObject(), ctx.request().getHeader("If-Match"), out));
      } else if (method == HttpMethod.DELETE) {
        mailbox.delete(id, ctx.request().getHeader("If-Match"));
        ctx.response().setStatusCode(204).end();
      } else {
        throw new EmuException(405, "invalidRequest", "method not allowed");
      }
    } else {
      throw new EmuException(400, "BadRequest", "Resource not found for the segment '" + first + "'.");
    }
  }

  private void deltaRequest(RoutingContext ctx, String calendarId, OutZone out) {
    String path = graphBase() + ctx.request().path().substring("/v1.0".length());
    String pageSize = prefer(ctx, PREFER_PAGE);
    Integer size = pageSize == null ? null : Integer.valueOf(pageSize);
    String deltaToken = ctx.request().getParam("$deltatoken");
    String skipToken = ctx.request().getParam("$skiptoken");
    EmuDelta.Page page;
    if ((deltaToken == null || deltaToken.isEmpty()) && skipToken == null) {
      Instant[] window = window(ctx);
      page = delta.initial(path, calendarId, window[0], window[1], size, out);
    } else {
      String initial = "startDateTime=" + ctx.request().getParam("startDateTime", "") + "&endDateTime="
          + ctx.request().getParam("endDateTime", "");
      page = delta.next(path, deltaToken, skipToken, size, initial);
    }
    JsonObject answer = new JsonObject()
        .put("@odata.context", graphBase() + "/$metadata#Collection(event)")
        .put("value", page.value());
    if (page.nextLink() != null) {
      answer.put("@odata.nextLink", page.nextLink());
    } else {
      answer.put("@odata.deltaLink", page.deltaLink());
    }
    json(ctx, 200, answer);
  }

  /** Delta after a 410 Location gets the window back from the initial query string. */
  private Instant[] window(RoutingContext ctx) {
    String start = ctx.request().getParam("startDateTime");
    String end = ctx.request().getParam("endDateTime");
    if (start == null || end == null) {
      throw new EmuException(400, "ErrorInvalidParameter",
          "This request requires a time window specified by the query string parameters StartDateTime and "
              + "EndDateTime.");
    }
    Instant from = boundary(start);
    Instant to = boundary(end);
    if (!to.isAfter(from)) {
      throw new EmuException(400, "ErrorInvalidParameter", "endDateTime must be after startDateTime");
    }
    return new Instant[] {from, to};
  }

  /** M-CV: a bound with an offset uses it; without one it is UTC (never the Prefer zone). */
  private static Instant boundary(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    }
  }

  /** Action parameters are case-insensitive in Graph (the SDK sends them PascalCase). */
  private static JsonObject lowerCamelKeys(JsonObject body) {
    JsonObject out = new JsonObject();
    body.forEach(e -> out.put(Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1), e.getValue()));
    return out;
  }

  private JsonObject schedule(JsonObject raw, OutZone out) {
    JsonObject body = lowerCamelKeys(raw);
    int interval = body.getInteger("availabilityViewInterval", 30);
    if (interval < 5 || interval > 1440) {
      throw new EmuException(400, "ErrorInvalidParameter", "availabilityViewInterval must be 5..1440");
    }
    Instant from = EmuJson.local(body.getJsonObject("startTime"))
        .atZone(dev.dovetail.outlook.zone.WindowsZones.require(EmuJson.zoneName(body.getJsonObject("startTime"))))
        .toInstant();
    Instant to = EmuJson.local(body.getJsonObject("endTime"))
        .atZone(dev.dovetail.outlook.zone.WindowsZones.require(EmuJson.zoneName(body.getJsonObject("endTime"))))
        .toInstant();
    JsonArray value = new JsonArray();
    for (Object s : body.getJsonArray("schedules", new JsonArray())) {
      String id = s.toString();
      if (!id.equalsIgnoreCase(USER_UPN)) {
        value.add(new JsonObject().put("scheduleId", id).put("error", new JsonObject()
            .put("message", "The user or resource was not found").put("responseCode", "ErrorMailRecipientNotFound")));
        continue;
      }
      // getSchedule reflects the default calendar only, whatever other calendars the user has.
      List<EmuInstance> busy = mailbox.view(mailbox.primaryCalendarId(), from, to).stream()
          .filter(i -> !i.showAs().equals("free")).toList();
      StringBuilder view = new StringBuilder();
      for (Instant t = from; t.isBefore(to); t = t.plusSeconds(interval * 60L)) {
        Instant slotEnd = t.plusSeconds(interval * 60L);
        int digit = 0;
        for (EmuInstance i : busy) {
          if (i.overlaps(t, slotEnd)) {
            digit = Math.max(digit, switch (i.showAs()) {
              case "tentative" -> 1;
              case "oof" -> 3;
              case "workingElsewhere" -> 4;
              default -> 2;
            });
          }
        }
        view.append(digit);
      }
      JsonArray items = new JsonArray();
      busy.forEach(i -> items.add(new JsonObject().put("isPrivate", false).put("status", i.showAs())
          .put("subject", i.subject()).put("start", EmuJson.dateTime(i.start(), out))
          .put("end", EmuJson.dateTime(i.end(), out))));
      value.add(new JsonObject().put("scheduleId", id).put("availabilityView", view.toString())
          .put("scheduleItems", items).put("workingHours", workingHours()));
    }
    return new JsonObject().put("value", value);
  }

  private JsonObject workingHours() {
    JsonObject zone = customWorkingHoursZone
        ? new JsonObject().put("@odata.type", "#microsoft.graph.customTimeZone").put("bias", -60)
            .put("name", "Customized Time Zone")
            .put("standardOffset", new JsonObject().put("time", "03:00:00.0000000").put("dayOccurrence", 5)
                .put("dayOfWeek", "sunday").put("month", 10).put("year", 0))
            .put("daylightOffset", new JsonObject().put("daylightBias", -60).put("time", "02:00:00.0000000")
                .put("dayOccurrence", 5).put("dayOfWeek", "sunday").put("month", 3).put("year", 0))
        : new JsonObject().put("name", workingHoursZone);
    return new JsonObject().put("daysOfWeek", new JsonArray(List.of("monday", "tuesday", "wednesday", "thursday",
        "friday"))).put("startTime", "08:00:00.0000000").put("endTime", "17:00:00.0000000").put("timeZone", zone);
  }

  private void subscriptions(RoutingContext ctx, List<String> seg, HttpMethod method) {
    if (seg.size() == 1 && method == HttpMethod.POST) {
      notifications.create(ctx.body().asJsonObject(), mailbox.primaryCalendarId())
          .onSuccess(sub -> json(ctx, 201, sub))
          .onFailure(err -> fail(ctx, err instanceof EmuException e ? e
              : new EmuException(500, "generalException", err.getMessage())));
    } else if (seg.size() == 1 && method == HttpMethod.GET) {
      json(ctx, 200, new JsonObject().put("value", notifications.list()));
    } else if (seg.size() == 2 && method == HttpMethod.PATCH) {
      json(ctx, 200, notifications.renew(seg.get(1), ctx.body().asJsonObject()));
    } else if (seg.size() == 2 && method == HttpMethod.DELETE) {
      notifications.delete(seg.get(1));
      ctx.response().setStatusCode(204).end();
    } else if (seg.size() == 3 && seg.get(2).equals("reauthorize") && method == HttpMethod.POST) {
      notifications.reauthorize(seg.get(1));
      ctx.response().setStatusCode(204).end();
    } else {
      throw new EmuException(400, "BadRequest", "unsupported subscriptions request");
    }
  }

  private static String prefer(RoutingContext ctx, Pattern pattern) {
    for (String header : ctx.request().headers().getAll("Prefer")) {
      Matcher m = pattern.matcher(header);
      if (m.find()) {
        return m.group(1).strip();
      }
    }
    return null;
  }

  private static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  private static void fail(RoutingContext ctx, EmuException e) {
    e.headers.forEach(ctx.response()::putHeader);
    json(ctx, e.status, e.body());
  }
}
