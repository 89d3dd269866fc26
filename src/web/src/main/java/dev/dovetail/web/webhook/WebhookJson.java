package dev.dovetail.web.webhook;

import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.webhook.domain.Attempt;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.FeedPage;
import dev.dovetail.webhook.domain.WebhookEndpoint;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** JSON of webhook endpoints, deliveries and the event feed. Secrets appear only where {@code withSecret} says. */
final class WebhookJson {

  private WebhookJson() {}

  static JsonObject endpoint(WebhookEndpoint e, boolean withSecret) {
    JsonObject json = new JsonObject()
        .put("id", e.id())
        .put("url", e.url())
        .put("events", new JsonArray(e.events().stream().map(EventType::wireName).sorted().toList()))
        .put("description", e.description())
        .put("enabled", e.enabled())
        .put("disabledReason", e.disabledReason())
        .put("failingSince", e.failingSince() == null ? null : e.failingSince().toString())
        .put("createdAt", e.createdAt().toString());
    if (withSecret) {
      json.put("secret", e.currentSecret().value());
    }
    return json;
  }

  static JsonObject endpoints(List<WebhookEndpoint> all) {
    return new JsonObject().put("items", new JsonArray(all.stream().map(e -> endpoint(e, false)).toList()));
  }

  static JsonObject delivery(Delivery d) {
    return new JsonObject()
        .put("id", d.id())
        .put("eventId", d.eventId())
        .put("endpointId", d.endpointId())
        .put("state", d.state().name())
        .put("attempts", d.attempts())
        .put("nextAttemptAt", d.nextAttemptAt().toString())
        .put("position", d.position())
        .put("log", new JsonArray(d.log().stream().map(WebhookJson::attempt).toList()));
  }

  private static JsonObject attempt(Attempt a) {
    return new JsonObject()
        .put("at", a.at().toString())
        .put("status", a.status())
        .put("latencyMillis", a.latencyMillis())
        .put("responseStart", a.responseStart())
        .put("error", a.error());
  }

  static JsonObject deliveries(List<Delivery> page) {
    JsonObject json = new JsonObject().put("items", new JsonArray(page.stream().map(WebhookJson::delivery).toList()));
    json.put("next", page.isEmpty() ? null : Long.toString(page.get(page.size() - 1).position()));
    return json;
  }

  static JsonObject feed(FeedPage page) {
    return new JsonObject()
        .put("items", new JsonArray(page.events().stream().map(WebhookEvent::toJson).toList()))
        .put("next", Long.toString(page.next()));
  }

  /** The {@code events} array of a request, by wire name; null when absent. */
  static Set<EventType> events(JsonArray names) {
    if (names == null) {
      return null;
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (Object name : names) {
      EventType type = EventType.fromWireName(String.valueOf(name)).filter(EventType::subscribable)
          .orElseThrow(() -> new InvalidRequestException("unknown event type: " + name));
      types.add(type);
    }
    return types;
  }
}
