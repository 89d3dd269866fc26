package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.instant;
import static dev.dovetail.infra.mongo.MongoSupport.putInstant;
import static dev.dovetail.infra.mongo.MongoSupport.requiredInstant;

import dev.dovetail.webhook.domain.Attempt;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.DeliveryState;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.SigningSecret;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Documents of the webhook collections: endpoints, events, deliveries. Instants as epoch milliseconds. */
final class WebhookCodec {

  private WebhookCodec() {}

  static JsonObject encode(WebhookEndpoint e) {
    JsonObject doc = new JsonObject()
        .put("_id", e.id())
        .put("providerId", e.providerId())
        .put("url", e.url())
        .put("events", new JsonArray(e.events().stream().map(EventType::name).sorted().toList()))
        .put("description", e.description())
        .put("enabled", e.enabled())
        .put("secrets", new JsonArray(e.secrets().stream().map(WebhookCodec::encode).toList()))
        .put("disabledReason", e.disabledReason());
    putInstant(doc, "failingSince", e.failingSince());
    putInstant(doc, "createdAt", e.createdAt());
    return doc;
  }

  static WebhookEndpoint decodeEndpoint(JsonObject doc) {
    return new WebhookEndpoint(doc.getString("_id"), doc.getString("providerId"), doc.getString("url"),
        doc.getJsonArray("events").stream().map(n -> EventType.valueOf((String) n)).collect(Collectors.toSet()),
        doc.getString("description"), doc.getBoolean("enabled"),
        doc.getJsonArray("secrets").stream().map(s -> decodeSecret((JsonObject) s)).toList(),
        instant(doc, "failingSince"), doc.getString("disabledReason"), requiredInstant(doc, "createdAt"));
  }

  private static JsonObject encode(SigningSecret s) {
    JsonObject doc = new JsonObject().put("value", s.value());
    putInstant(doc, "createdAt", s.createdAt());
    putInstant(doc, "expiresAt", s.expiresAt());
    return doc;
  }

  private static SigningSecret decodeSecret(JsonObject doc) {
    return new SigningSecret(doc.getString("value"), requiredInstant(doc, "createdAt"), instant(doc, "expiresAt"));
  }

  static JsonObject encode(WebhookEvent e, long recordedAtMillis) {
    return new JsonObject()
        .put("_id", e.id())
        .put("providerId", e.providerId())
        .put("type", e.type().name())
        .put("subjectId", e.subjectId())
        .put("subjectSequence", e.subjectSequence())
        .put("occurredAt", e.occurredAt().toEpochMilli())
        .put("data", e.data())
        .put("position", e.position())
        .put("recordedAt", recordedAtMillis);
  }

  /** An event of the feed with when it was recorded (an event stored without that time counts as long settled). */
  static FeedPage.Entry decodeFeedEntry(JsonObject doc) {
    return new FeedPage.Entry(decodeEvent(doc), Instant.ofEpochMilli(doc.getLong("recordedAt", 0L)));
  }

  static WebhookEvent decodeEvent(JsonObject doc) {
    return new WebhookEvent(doc.getString("_id"), doc.getString("providerId"), EventType.valueOf(doc.getString("type")),
        doc.getString("subjectId"), doc.getInteger("subjectSequence"), requiredInstant(doc, "occurredAt"),
        doc.getJsonObject("data"), doc.getLong("position"));
  }

  static JsonObject encode(Delivery d) {
    JsonObject doc = new JsonObject()
        .put("_id", d.id())
        .put("eventId", d.eventId())
        .put("endpointId", d.endpointId())
        .put("providerId", d.providerId())
        .put("subjectId", d.subjectId())
        .put("position", d.position())
        .put("state", d.state().name())
        .put("attempts", d.attempts())
        .put("leaseOwner", d.leaseOwner())
        .put("log", new JsonArray(d.log().stream().map(WebhookCodec::encode).toList()));
    putInstant(doc, "firstDueAt", d.firstDueAt());
    putInstant(doc, "nextAttemptAt", d.nextAttemptAt());
    putInstant(doc, "leaseUntil", d.leaseUntil());
    return doc;
  }

  static Delivery decodeDelivery(JsonObject doc) {
    List<Attempt> log = doc.getJsonArray("log").stream().map(a -> decodeAttempt((JsonObject) a)).toList();
    return new Delivery(doc.getString("_id"), doc.getString("eventId"), doc.getString("endpointId"),
        doc.getString("providerId"), doc.getString("subjectId"), doc.getLong("position"),
        DeliveryState.valueOf(doc.getString("state")), doc.getInteger("attempts"), requiredInstant(doc, "firstDueAt"),
        requiredInstant(doc, "nextAttemptAt"), doc.getString("leaseOwner"), requiredInstant(doc, "leaseUntil"), log);
  }

  private static JsonObject encode(Attempt a) {
    return new JsonObject()
        .put("at", a.at().toEpochMilli())
        .put("status", a.status())
        .put("latencyMillis", a.latencyMillis())
        .put("responseStart", a.responseStart())
        .put("error", a.error());
  }

  private static Attempt decodeAttempt(JsonObject doc) {
    return new Attempt(requiredInstant(doc, "at"), doc.getInteger("status"), doc.getLong("latencyMillis"),
        doc.getString("responseStart"), doc.getString("error"));
  }
}
