package dev.dovetail.outlook.emulator;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subscriptions and change notifications: creation runs the real validation handshake against notificationUrl (and
 * lifecycleNotificationUrl) before answering; expiry is capped at a configurable maximum and enforced; changes are
 * POSTed as batches by a timer, never inline, with knobs for delay, drop, duplicate and reorder; a receiver that does
 * not answer 2xx within 3 s gets the batch again. Lifecycle events (missed, subscriptionRemoved,
 * reauthorizationRequired) are POSTed on demand.
 */
final class EmuNotifications {

  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(3);
  static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);
  static final String TENANT_ID = "84bd8158-6d4d-4958-8b9f-9d6445542f95";

  private static final class Subscription {
    String id;
    String resource;
    String calendarId;
    List<String> changeTypes;
    String notificationUrl;
    String lifecycleUrl;
    String clientState;
    Instant expiration;
    boolean needsReauthorization;
  }

  /** Delivery knobs: late, reordered, duplicated and dropped notifications. */
  record Policy(long delayMs, double dropRate, double duplicateRate, boolean reorder) {
    static Policy prompt() {
      return new Policy(20, 0, 0, false);
    }
  }

  private final Vertx vertx;
  private final WebClient http;
  private final Clock clock;
  private final Random random;
  private final String userId;
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final Map<String, List<JsonObject>> pending = new LinkedHashMap<>();
  private final List<JsonObject> deliveries = new CopyOnWriteArrayList<>();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger validations = new AtomicInteger();
  private volatile Policy policy = Policy.prompt();
  /** Outlook event subscriptions: at most 4,230 minutes ahead; a longer request is refused (see M-SUB). */
  volatile long maxLifetimeMinutes = 4_230;
  volatile boolean rejectOverLimit = true;
  /** Graph requires HTTPS notification URLs; only a test with a plain loopback receiver opts in. */
  volatile boolean httpUrls;
  volatile int maxAttempts = 3;

  EmuNotifications(Vertx vertx, Clock clock, Random random, String userId) {
    this.vertx = vertx;
    this.http = WebClient.create(vertx);
    this.clock = clock;
    this.random = random;
    this.userId = userId;
  }

  void policy(Policy policy) {
    this.policy = policy;
  }

  /** POST /subscriptions: checks the body, validates the URLs by handshake, then stores and answers 201. */
  Future<JsonObject> create(JsonObject body, String primaryCalendarId) {
    Subscription s = new Subscription();
    s.id = UUID.randomUUID().toString();
    s.resource = required(body, "resource");
    s.calendarId = calendarOf(s.resource, primaryCalendarId);
    s.changeTypes = List.of(required(body, "changeType").split(","));
    s.notificationUrl = https(required(body, "notificationUrl"));
    s.lifecycleUrl = body.getString("lifecycleNotificationUrl") == null ? null
        : https(body.getString("lifecycleNotificationUrl"));
    s.clientState = required(body, "clientState");
    if (s.clientState.length() > 128) {
      throw new EmuException(400, "invalidRequest", "clientState is longer than 128 characters");
    }
    s.expiration = expiration(required(body, "expirationDateTime"));
    Future<Void> handshakes = validate(s.notificationUrl);
    if (s.lifecycleUrl != null) {
      handshakes = handshakes.compose(v -> validate(s.lifecycleUrl));
    }
    return handshakes.map(v -> {
      synchronized (this) {
        subscriptions.put(s.id, s);
      }
      return json(s);
    });
  }

  private static String required(JsonObject body, String key) {
    String value = body.getString(key);
    if (value == null || value.isBlank()) {
      throw new EmuException(400, "invalidRequest", key + " is required");
    }
    return value;
  }

  private String https(String url) {
    if (!url.regionMatches(true, 0, "https://", 0, 8) && !httpUrls) {
      throw new EmuException(400, "ValidationError", "The notification URL must use HTTPS: " + url);
    }
    return url;
  }

  /** {@code /me/events}: every calendar; {@code /me/calendars/{id}/events}: that one; {@code /users/{id}/...} alike. */
  private static String calendarOf(String resource, String primary) {
    String r = resource.startsWith("/") ? resource.substring(1) : resource;
    if (r.regionMatches(true, 0, "users/", 0, 6) && r.indexOf('/', 6) > 0) {
      r = "me" + r.substring(r.indexOf('/', 6));
    }
    String[] parts = r.split("/");
    if (parts.length == 2 && parts[1].equalsIgnoreCase("events")) {
      return null;
    }
    if (parts.length == 3 && parts[1].equalsIgnoreCase("calendar") && parts[2].equalsIgnoreCase("events")) {
      return primary;
    }
    if (parts.length == 4 && parts[1].equalsIgnoreCase("calendars") && parts[3].equalsIgnoreCase("events")) {
      return parts[2];
    }
    throw new EmuException(400, "invalidRequest", "unsupported resource: " + resource);
  }

  private Instant expiration(String text) {
    Instant requested;
    try {
      requested = Instant.parse(text);
    } catch (RuntimeException e) {
      throw new EmuException(400, "invalidRequest", "bad expirationDateTime: " + text);
    }
    Instant now = clock.instant();
    Instant max = now.plus(Duration.ofMinutes(maxLifetimeMinutes));
    if (!requested.isAfter(now)) {
      throw new EmuException(400, "invalidRequest", "expirationDateTime is in the past");
    }
    if (requested.isAfter(max)) {
      if (rejectOverLimit) {
        throw new EmuException(400, "invalidRequest",
            "Subscription expiration can only be " + maxLifetimeMinutes + " minutes in the future.");
      }
      return max;
    }
    return requested;
  }

  /** The handshake: POST url?validationToken=…, expect 200 text/plain with the decoded token within 10 s. */
  private Future<Void> validate(String url) {
    validations.incrementAndGet();
    String token = "Validation: Testing client application reachability for subscription Request-Id: "
        + UUID.randomUUID() + " +/:=";
    String target = url + (url.contains("?") ? "&" : "?") + "validationToken="
        + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return http.postAbs(target)
        .putHeader("Content-Type", "text/plain; charset=utf-8")
        .timeout(VALIDATION_TIMEOUT.toMillis())
        .sendBuffer(Buffer.buffer())
        .transform(ar -> {
          HttpResponse<Buffer> r = ar.succeeded() ? ar.result() : null;
          String type = r == null ? null : r.getHeader("Content-Type");
          if (r != null && r.statusCode() == 200 && type != null && type.startsWith("text/plain")
              && token.equals(r.bodyAsString())) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(new EmuException(400, "ValidationError",
              "Subscription validation request failed. Notification endpoint must respond with 200 OK to "
                  + "validation request."));
        });
  }

  synchronized JsonObject renew(String id, JsonObject body) {
    Subscription s = live(id);
    s.expiration = expiration(required(body, "expirationDateTime"));
    s.needsReauthorization = false;
    return json(s);
  }

  synchronized void reauthorize(String id) {
    live(id).needsReauthorization = false;
  }

  synchronized void delete(String id) {
    live(id);
    subscriptions.remove(id);
  }

  synchronized JsonArray list() {
    expire();
    JsonArray out = new JsonArray();
    subscriptions.values().forEach(s -> out.add(json(s)));
    return out;
  }

  private Subscription live(String id) {
    expire();
    Subscription s = subscriptions.get(id);
    if (s == null) {
      throw new EmuException(404, "ResourceNotFound", "The object was not found.");
    }
    return s;
  }

  /** Graph deletes a subscription that was not renewed in time. */
  synchronized void expire() {
    Instant now = clock.instant();
    subscriptions.values().removeIf(s -> !s.expiration.isAfter(now));
  }

  private static JsonObject json(Subscription s) {
    return new JsonObject().put("id", s.id).put("resource", s.resource)
        .put("changeType", String.join(",", s.changeTypes)).put("notificationUrl", s.notificationUrl)
        .put("lifecycleNotificationUrl", s.lifecycleUrl).put("clientState", s.clientState)
        .put("expirationDateTime", s.expiration.toString());
  }

  // ---- delivery --------------------------------------------------------------------------------------------------

  /** A mailbox change: queue a notification for each live subscription that covers it. */
  synchronized void changed(EmuMailbox.Change change) {
    expire();
    for (Subscription s : subscriptions.values()) {
      if ((s.calendarId == null || s.calendarId.equals(change.calendarId()))
          && s.changeTypes.contains(change.changeType()) && !s.needsReauthorization) {
        String resource = "Users/" + userId + "/Events/" + change.eventId();
        queue(s.notificationUrl, new JsonObject()
            .put("id", UUID.randomUUID().toString())
            .put("subscriptionId", s.id)
            .put("subscriptionExpirationDateTime", s.expiration.toString())
            .put("clientState", s.clientState)
            .put("changeType", change.changeType())
            .put("resource", resource)
            .put("tenantId", TENANT_ID)
            .put("resourceData", new JsonObject()
                .put("@odata.type", "#Microsoft.Graph.Event")
                .put("@odata.id", resource)
                .put("id", change.eventId())));
      }
    }
  }

  /** POST /_emu/graph/lifecycle: sends a lifecycle event for one subscription to its lifecycle URL. */
  synchronized void lifecycle(String subscriptionId, String event) {
    if (!List.of("missed", "subscriptionRemoved", "reauthorizationRequired").contains(event)) {
      throw new EmuException(400, "invalidRequest", "unknown lifecycle event: " + event);
    }
    Subscription s = live(subscriptionId);
    if (s.lifecycleUrl == null) {
      throw new EmuException(400, "invalidRequest", "the subscription has no lifecycleNotificationUrl");
    }
    JsonObject n = new JsonObject().put("subscriptionId", s.id)
        .put("subscriptionExpirationDateTime", s.expiration.toString()).put("tenantId", TENANT_ID)
        .put("clientState", s.clientState).put("lifecycleEvent", event);
    switch (event) {
      case "subscriptionRemoved" -> subscriptions.remove(s.id);
      case "reauthorizationRequired" -> s.needsReauthorization = true;
      default -> { }
    }
    post(s.lifecycleUrl, List.of(n), 1);
  }

  private void queue(String url, JsonObject notification) {
    Policy p = policy;
    if (random.nextDouble() < p.dropRate()) {
      dropped.incrementAndGet();
      return;
    }
    boolean first = !pending.containsKey(url);
    pending.computeIfAbsent(url, k -> new ArrayList<>()).add(notification);
    if (random.nextDouble() < p.duplicateRate()) {
      // The copy Graph sends when it did not see an answer in time: a second POST, later.
      vertx.setTimer(p.delayMs() + 50 + random.nextInt(200), id -> post(url, List.of(notification.copy()), 1));
    }
    if (first) {
      vertx.setTimer(Math.max(1, p.delayMs()), id -> flush(url));
    }
  }

  private void flush(String url) {
    List<JsonObject> batch;
    synchronized (this) {
      batch = pending.remove(url);
    }
    if (batch == null || batch.isEmpty()) {
      return;
    }
    if (policy.reorder()) {
      Collections.shuffle(batch, random);
      // Split into two POSTs sent in reverse order, so order across batches is lost too.
      int half = batch.size() / 2;
      if (half > 0) {
        List<JsonObject> later = new ArrayList<>(batch.subList(0, half));
        List<JsonObject> sooner = new ArrayList<>(batch.subList(half, batch.size()));
        post(url, sooner, 1);
        vertx.setTimer(30, id -> post(url, later, 1));
        return;
      }
    }
    post(url, batch, 1);
  }

  private void post(String url, List<JsonObject> batch, int attempt) {
    long started = System.nanoTime();
    http.postAbs(url)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .timeout(ANSWER_TIMEOUT.toMillis())
        .sendJsonObject(new JsonObject().put("value", new JsonArray(new ArrayList<>(batch))))
        .onComplete(ar -> {
          int status = ar.succeeded() ? ar.result().statusCode() : -1;
          deliveries.add(new JsonObject().put("url", url).put("count", batch.size()).put("status", status)
              .put("attempt", attempt).put("millis", (System.nanoTime() - started) / 1_000_000));
          if ((status < 200 || status > 299) && attempt < maxAttempts) {
            vertx.setTimer(500L * attempt, id -> post(url, batch, attempt + 1));
          }
        });
  }

  List<JsonObject> deliveries() {
    return List.copyOf(deliveries);
  }

  synchronized void reset() {
    subscriptions.clear();
    pending.clear();
    deliveries.clear();
    dropped.set(0);
    validations.set(0);
    policy = Policy.prompt();
    maxLifetimeMinutes = 4_230;
    rejectOverLimit = true;
  }

  synchronized List<String> ids() {
    expire();
    return List.copyOf(subscriptions.keySet());
  }
}
