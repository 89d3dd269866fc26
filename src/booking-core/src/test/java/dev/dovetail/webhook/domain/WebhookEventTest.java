package dev.dovetail.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WebhookEvent: stable ids, no manage tokens")
class WebhookEventTest {

  static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");

  @Test
  @DisplayName("the same change gives the same id; another sequence or type another")
  void idsFollowTheChange() {
    String id = WebhookEvent.idFor(EventType.BOOKING_CREATED, "b-1", 0);
    assertThat(WebhookEvent.idFor(EventType.BOOKING_CREATED, "b-1", 0)).isEqualTo(id).startsWith("evt_");
    assertThat(WebhookEvent.idFor(EventType.BOOKING_CREATED, "b-1", 1)).isNotEqualTo(id);
    assertThat(WebhookEvent.idFor(EventType.BOOKING_CANCELLED, "b-1", 0)).isNotEqualTo(id);
  }

  @Test
  @DisplayName("manage tokens are removed from the data at any depth")
  void noManageToken() {
    JsonObject data = new JsonObject().put("id", "b-1").put("manageToken", "secret")
        .put("links", new JsonObject().put("manageUrl", "https://x/secret").put("self", "/b-1"));
    JsonObject json = WebhookEvent.of("acme", EventType.BOOKING_CREATED, "b-1", 0, NOW, data).toJson();
    assertThat(json.encode()).doesNotContain("secret").contains("\"self\":\"/b-1\"");
    assertThat(json.getString("type")).isEqualTo("booking.created");
    assertThat(json.getString("timestamp")).isEqualTo("2030-05-01T10:00:00Z");
  }

  @Test
  @DisplayName("every wire name maps back to its type")
  void wireNames() {
    for (EventType type : EventType.values()) {
      assertThat(EventType.fromWireName(type.wireName())).contains(type);
    }
  }
}
