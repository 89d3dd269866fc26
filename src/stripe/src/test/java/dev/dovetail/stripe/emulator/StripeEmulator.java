package dev.dovetail.stripe.emulator;

import dev.dovetail.stripe.StripePaymentGateway;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stateful Stripe for tests, reached by the real stripe-java over loopback HTTP ({@code setApiBase}). It keeps
 * payment intents and refunds ({@link StripeState}), answers errors in Stripe's shape, and implements idempotency like
 * Stripe: the first response to a key is saved and replayed byte for byte ({@code Idempotent-Replayed: true}); the
 * same key with another path or other parameters is a 400 {@code idempotency_error}; a key whose first request is
 * still executing is a 409. Events are sent as signed webhooks ({@link WebhookSender}). Test knobs: clock, webhook
 * policy, "execute then drop the connection", execution delay; also as a control API under {@code /_emu/}.
 */
public final class StripeEmulator {

  private final Vertx vertx;
  private final String secretKey;
  private final String publishableKey;
  private final StripeState state;
  private final WebhookSender webhooks;
  private final Map<String, Saved> idempotency = new HashMap<>();
  private final List<JsonObject> requests = new CopyOnWriteArrayList<>();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final List<Fault> faults = new ArrayList<>();
  private HttpServer server;
  private final List<Runnable> heldExecutions = new ArrayList<>();
  private boolean holdExecutions;
  private long sequence;
  private JsonObject currentRequest = new JsonObject();

  private static final class Saved {
    final String method;
    final String path;
    final String params;
    boolean inFlight = true;
    int status;
    String body;

    Saved(String method, String path, String params) {
      this.method = method;
      this.path = path;
      this.params = params;
    }
  }

  private static final class Fault {
    final String pathPrefix;
    int times;

    Fault(String pathPrefix, int times) {
      this.pathPrefix = pathPrefix;
      this.times = times;
    }
  }

  private StripeEmulator(Vertx vertx, String secretKey, String publishableKey, Clock clock) {
    this.vertx = vertx;
    this.secretKey = secretKey;
    this.publishableKey = publishableKey;
    this.webhooks = new WebhookSender(vertx, () -> now().getEpochSecond());
    this.state = new StripeState(clock, this::onEvent, id -> apiBase() + "/_emu/3ds/" + id);
  }

  /** Starts an emulator on a free loopback port whose clock stands at {@code now} until moved. */
  public static Future<StripeEmulator> start(Vertx vertx, String secretKey, String publishableKey, Instant now) {
    return start(vertx, secretKey, publishableKey, Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Starts an emulator on a free loopback port on a running clock (e.g. the system clock, for a running hub). */
  public static Future<StripeEmulator> start(Vertx vertx, String secretKey, String publishableKey, Clock clock) {
    StripeEmulator emulator = new StripeEmulator(vertx, secretKey, publishableKey, clock);
    return vertx.createHttpServer().requestHandler(emulator.router()).listen(0, "127.0.0.1").map(s -> {
      emulator.server = s;
      return emulator;
    });
  }

  public Future<Void> close() {
    return server.close();
  }

  /** The base URL to give stripe-java ({@code StripeClient.builder().setApiBase(...)}). */
  public String apiBase() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  // ---- test knobs (Java)

  public synchronized Instant now() {
    return state.now();
  }

  public synchronized void setClock(Instant instant) {
    state.setNow(instant);
  }

  public synchronized void advance(Duration by) {
    state.setNow(state.now().plus(by));
  }

  /** Where events go and the signing secrets (two during a rotation: one {@code v1} each). */
  public void webhooks(String url, String... secrets) {
    webhooks.configure(url, List.of(secrets));
  }

  public void webhookPolicy(long delayMs, boolean duplicate, boolean holdForReorder, long skewSeconds,
      boolean corrupt) {
    webhooks.policy(new WebhookSender.Policy(delayMs, duplicate, holdForReorder, skewSeconds, corrupt));
  }

  /** Delivers the events held back by the reorder knob, newest first. */
  public Future<Void> releaseHeldWebhooks() {
    return webhooks.releaseReversed();
  }

  /** (event id, type, HTTP status of the endpoint's answer) of every delivery attempt. */
  public List<String> deliveries() {
    return webhooks.deliveries().stream().map(d -> d.eventId() + " " + d.type() + " " + d.status()).toList();
  }

  /** The next {@code times} requests whose path starts with {@code pathPrefix} execute, then lose their connection. */
  public synchronized void dropConnectionAfterExecute(String pathPrefix, int times) {
    faults.add(new Fault(pathPrefix, times));
  }

  /**
   * From now on every API request stops after it started executing (its idempotency key in flight) until
   * {@link #releaseExecutions}: a window that lasts as long as the test needs, however slow the machine.
   */
  public synchronized void holdExecutions() {
    holdExecutions = true;
  }

  /** Lets the held requests finish, and the next ones run straight through. */
  public void releaseExecutions() {
    List<Runnable> held;
    synchronized (this) {
      holdExecutions = false;
      held = List.copyOf(heldExecutions);
      heldExecutions.clear();
    }
    held.forEach(Runnable::run);
  }

  public synchronized int intentCount() {
    return state.intentCount();
  }

  public synchronized JsonObject intent(String id) {
    return state.intent(id).copy();
  }

  public synchronized List<JsonObject> refunds(String intentId) {
    return state.refundsOf(intentId).stream().map(JsonObject::copy).toList();
  }

  /** Every API request: method, path, idempotency key, Stripe-Version, status. */
  public List<JsonObject> requests() {
    return List.copyOf(requests);
  }

  public List<JsonObject> events() {
    return List.copyOf(events);
  }

  // ---- HTTP

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.post("/_emu/reset").handler(this::reset);
    router.post("/_emu/clock").handler(this::clock);
    router.post("/_emu/stripe/webhooks").handler(this::configureWebhooks);
    router.post("/_emu/stripe/release").handler(ctx -> releaseHeldWebhooks().onComplete(x -> ctx.end()));
    router.post("/_emu/faults").handler(this::fault);
    router.get("/_emu/requests").handler(ctx -> ctx.json(new JsonArray(requests())));
    router.get("/v3/").handler(this::stripeJs);
    router.get("/_emu/3ds/:intent").handler(this::challengePage);
    router.post("/_emu/3ds/:intent").handler(this::challengeAnswer);
    // Stripe.js calls the API from the page's origin: answer CORS preflights and allow any origin.
    router.route("/v1/*").handler(ctx -> {
      ctx.response().putHeader("Access-Control-Allow-Origin", "*");
      if (ctx.request().method() == HttpMethod.OPTIONS) {
        ctx.response().putHeader("Access-Control-Allow-Methods", "GET, POST")
            .putHeader("Access-Control-Allow-Headers", "Authorization, Content-Type").setStatusCode(204).end();
        return;
      }
      ctx.next();
    });
    router.route("/v1/*").handler(this::api);
    return router;
  }

  private void api(RoutingContext ctx) {
    String method = ctx.request().method().name();
    String path = ctx.request().path();
    String key = ctx.request().getHeader("Idempotency-Key");
    String version = ctx.request().getHeader("Stripe-Version");
    MultiMap params = ctx.request().method() == HttpMethod.GET ? ctx.queryParams() : ctx.request().formAttributes();
    JsonObject logged = new JsonObject().put("method", method).put("path", path).put("idempotencyKey", key)
        .put("stripeVersion", version);
    requests.add(logged);
    String auth = ctx.request().getHeader("Authorization");
    boolean secret = ("Bearer " + secretKey).equals(auth);
    // Stripe.js, with the publishable key and the intent's client secret, confirms an intent and reads it back.
    boolean publishable = ("Bearer " + publishableKey).equals(auth)
        && (path.endsWith("/confirm") || method.equals("GET") && path.matches("/v1/payment_intents/[^/]+"));
    if (!secret && !publishable) {
      respond(ctx, logged, 401, new StripeError(401, "invalid_request_error", null,
          "Invalid API Key provided.", null).body().encode(), false);
      return;
    }
    Saved saved;
    synchronized (this) {
      if (key != null && ctx.request().method() == HttpMethod.POST) {
        String canonical = canonical(params);
        Saved earlier = idempotency.get(key);
        if (earlier != null) {
          if (!earlier.method.equals(method) || !earlier.path.equals(path) || !earlier.params.equals(canonical)) {
            respond(ctx, logged, 400, new StripeError(400, "idempotency_error", null, "Keys for idempotent requests "
                + "can only be used with the same parameters they were first used with. Try using a key other than '"
                + key + "' if you meant to execute a different request.", null).body().encode(), false);
            return;
          }
          if (earlier.inFlight) {
            respond(ctx, logged, 409, new StripeError(409, "idempotency_error", "idempotency_key_in_use",
                "There is currently another in-progress request using this Idempotent Key (that probably means you "
                    + "submitted twice, and the other request is still going through): " + key
                    + ". Please try again later.", null).body().encode(), false);
            return;
          }
          ctx.response().putHeader("Idempotent-Replayed", "true");
          respond(ctx, logged, earlier.status, earlier.body, false);
          return;
        }
        saved = new Saved(method, path, canonical);
        idempotency.put(key, saved);
      } else {
        saved = null;
      }
    }
    Runnable execute = () -> {
      int status;
      String body;
      synchronized (this) {
        state.expireAuthorizations();
        currentRequest = new JsonObject().put("id", "req_" + (++sequence)).put("idempotency_key", key);
        try {
          status = 200;
          body = execute(method, path, params, publishable).encodePrettily();
        } catch (StripeError e) {
          status = e.status;
          body = e.body().encodePrettily();
        } catch (RuntimeException e) {
          status = 500;
          body = new StripeError(500, "api_error", null, "emulator: " + e, null).body().encode();
        }
        if (saved != null) {
          saved.status = status;
          saved.body = body;
          saved.inFlight = false;
        }
      }
      respond(ctx, logged, status, body, takeFault(path));
    };
    synchronized (this) {
      if (holdExecutions) {
        Context context = vertx.getOrCreateContext();
        heldExecutions.add(() -> context.runOnContext(v -> execute.run()));
        return;
      }
    }
    execute.run();
  }

  /** The stand-in for Stripe.js ({@code resources/.../stripe-v3.js}), bound to this emulator's API base. */
  private void stripeJs(RoutingContext ctx) {
    try (var in = StripeEmulator.class.getResourceAsStream("stripe-v3.js")) {
      String js = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("__BASE__", apiBase());
      ctx.response().putHeader("Content-Type", "text/javascript; charset=utf-8").end(js);
    } catch (java.io.IOException e) {
      ctx.fail(e);
    }
  }

  /**
   * The stand-in for the bank's 3DS challenge that Stripe shows for an intent in {@code requires_action} (Stripe's
   * test page has the same two choices): "Complete" passes the check, "Fail" fails it.
   */
  private void challengePage(RoutingContext ctx) {
    String id = ctx.pathParam("intent");
    String amount;
    synchronized (this) {
      JsonObject pi = state.waitingForChallenge(id);
      if (pi == null) {
        ctx.response().setStatusCode(404).end("no 3D Secure check is waiting for this payment");
        return;
      }
      amount = pi.getLong("amount") + " " + pi.getString("currency").toUpperCase(java.util.Locale.ROOT);
    }
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>3D Secure test payment</title></head>
        <body><main><h1>3D Secure test payment</h1><p>Payment of %s (minor units)</p>
        <form method="post"><button id="emu-3ds-complete" name="outcome" value="complete">Complete</button>
        <button id="emu-3ds-fail" name="outcome" value="fail">Fail</button></form></main></body></html>
        """.formatted(amount));
  }

  /**
   * The answer on the challenge page. In a redirect (the confirmation named a {@code return_url}) the browser goes back
   * to the return URL with {@code payment_intent}, {@code payment_intent_client_secret} and {@code redirect_status},
   * as Stripe does; in Stripe.js's frame the page tells its parent that the check is over.
   */
  private void challengeAnswer(RoutingContext ctx) {
    String id = ctx.pathParam("intent");
    boolean passed = "complete".equals(ctx.request().getFormAttribute("outcome"));
    JsonObject pi;
    JsonObject next;
    synchronized (this) {
      currentRequest = new JsonObject().putNull("id").putNull("idempotency_key");
      try {
        next = state.intent(id).getJsonObject("next_action");
        pi = state.authenticate(id, passed);
      } catch (StripeError e) {
        ctx.response().setStatusCode(e.status).putHeader("Content-Type", "application/json")
            .end(e.body().encode());
        return;
      }
    }
    if (next != null && "redirect_to_url".equals(next.getString("type"))) {
      String back = next.getJsonObject("redirect_to_url").getString("return_url");
      String query = "payment_intent=" + id + "&payment_intent_client_secret=" + pi.getString("client_secret")
          + "&redirect_status=" + (passed ? "succeeded" : "failed");
      ctx.response().setStatusCode(302).putHeader("Location", back + (back.contains("?") ? "&" : "?") + query).end();
      return;
    }
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
        <!doctype html><html lang="en"><head><meta charset="utf-8"><title>3D Secure done</title></head>
        <body><p>Done.</p><script>parent.postMessage({ type: 'emu-3ds-done', intent: '%s' }, '*');</script></body>
        </html>""".formatted(id));
  }

  private JsonObject execute(String method, String path, MultiMap p, boolean publishable) {
    String[] parts = path.substring("/v1/".length()).split("/");
    if (parts[0].equals("payment_intents")) {
      if (parts.length == 1 && method.equals("POST")) {
        return state.createIntent(p);
      }
      if (parts.length == 2 && method.equals("GET")) {
        if (publishable && !state.intent(parts[1]).getString("client_secret").equals(p.get("client_secret"))) {
          throw new StripeError(401, "invalid_request_error", null, "client_secret does not match", "client_secret");
        }
        return state.intent(parts[1]);
      }
      if (parts.length == 3 && method.equals("POST")) {
        if (publishable && !state.intent(parts[1]).getString("client_secret").equals(p.get("client_secret"))) {
          throw new StripeError(401, "invalid_request_error", null, "client_secret does not match", "client_secret");
        }
        return switch (parts[2]) {
          case "confirm" -> state.confirm(parts[1], p);
          case "capture" -> state.capture(parts[1], p);
          case "cancel" -> state.cancel(parts[1], p);
          default -> throw notFound(path);
        };
      }
    }
    if (parts[0].equals("refunds") && parts.length == 1 && method.equals("POST")) {
      return state.refund(p);
    }
    throw notFound(path);
  }

  private void onEvent(JsonObject[] typeAndObject) {
    JsonObject event = new JsonObject()
        .put("id", "evt_emu" + String.format("%08d", ++sequence)).put("object", "event")
        .put("api_version", StripePaymentGateway.API_VERSION).put("created", state.now().getEpochSecond())
        .put("livemode", false).put("pending_webhooks", 1).put("request", currentRequest.copy())
        .put("type", typeAndObject[0].getString("type"))
        .put("data", new JsonObject().put("object", typeAndObject[1]));
    events.add(event);
    webhooks.send(event);
  }

  private synchronized boolean takeFault(String path) {
    for (Fault f : faults) {
      if (f.times > 0 && path.startsWith(f.pathPrefix)) {
        f.times--;
        return true;
      }
    }
    return false;
  }

  private void respond(RoutingContext ctx, JsonObject logged, int status, String body, boolean drop) {
    logged.put("status", drop ? -1 : status);
    if (drop) {
      ctx.request().connection().close();
      return;
    }
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .putHeader("Request-Id", "req_emu").putHeader("Stripe-Version", StripePaymentGateway.API_VERSION);
    if (status == 409 || status == 429 || status >= 500) {
      ctx.response().putHeader("Stripe-Should-Retry", "true");
    } else if (status >= 400) {
      ctx.response().putHeader("Stripe-Should-Retry", "false");
    }
    ctx.response().end(body);
  }

  private static String canonical(MultiMap params) {
    TreeMap<String, List<String>> sorted = new TreeMap<>();
    params.names().forEach(n -> sorted.put(n, params.getAll(n)));
    return sorted.toString();
  }

  private static StripeError notFound(String path) {
    return new StripeError(404, "invalid_request_error", null, "Unrecognized request URL (" + path + ").", null);
  }

  // ---- control API

  private void reset(RoutingContext ctx) {
    synchronized (this) {
      idempotency.clear();
      faults.clear();
    }
    releaseExecutions();
    webhooks.reset();
    requests.clear();
    events.clear();
    ctx.end();
  }

  private void clock(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    if (body.containsKey("now")) {
      setClock(Instant.parse(body.getString("now")));
    } else {
      advance(Duration.ofSeconds(body.getLong("advanceSeconds", 0L)));
    }
    ctx.json(new JsonObject().put("now", now().toString()));
  }

  private void configureWebhooks(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    webhooks(body.getString("url"), body.getJsonArray("secrets", new JsonArray()).stream()
        .map(Object::toString).toArray(String[]::new));
    webhookPolicy(body.getLong("delayMs", 0L), body.getBoolean("duplicate", false),
        body.getBoolean("reorder", false), body.getLong("skewSeconds", 0L), body.getBoolean("corrupt", false));
    ctx.end();
  }

  private void fault(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    dropConnectionAfterExecute(body.getString("path"), body.getInteger("times", 1));
    ctx.end();
  }
}
