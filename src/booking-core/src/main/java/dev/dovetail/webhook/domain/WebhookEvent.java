package dev.dovetail.webhook.domain;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to a provider's data, as integrators receive it. The {@code id} is derived from the
 * change that caused it (subject, its sequence, the type), so recording a change twice yields the same event, and
 * every delivery attempt carries the same id. {@code subjectId} is what ordering is kept per (the booking, or the
 * waitlist entry or calendar connection); {@code data} is the object as the API shows it, never a manage token.
 * {@code position} orders the provider's feed; it is assigned by the store when the event is recorded (0 before).
 */
public record WebhookEvent(
    String id,
    String providerId,
    EventType type,
    String subjectId,
    int subjectSequence,
    Instant occurredAt,
    JsonObject data,
    long position) {

  /** Keys that must never leave the hub in an event, at any depth. */
  private static final Set<String> SECRET_KEYS = Set.of("manageToken", "manageUrl", "token");

  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(providerId, "providerId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subjectId, "subjectId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(data, "data");
    occurredAt = Instant.ofEpochMilli(occurredAt.toEpochMilli());
    data = withoutSecrets(data);
  }

  public static WebhookEvent of(String providerId, EventType type, String subjectId, int subjectSequence,
      Instant occurredAt, JsonObject data) {
    return new WebhookEvent(idFor(type, subjectId, subjectSequence), providerId, type, subjectId, subjectSequence,
        occurredAt, data, 0);
  }

  /** {@code evt_} and 32 hex digits of SHA-256 over type, subject and sequence. */
  public static String idFor(EventType type, String subjectId, int subjectSequence) {
    String key = type.wireName() + "|" + subjectId + "|" + subjectSequence;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "evt_" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  public WebhookEvent at(long newPosition) {
    return new WebhookEvent(id, providerId, type, subjectId, subjectSequence, occurredAt, data, newPosition);
  }

  /** The body sent to endpoints and shown in the feed: {@code {"id","type","timestamp","data"}}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("type", type.wireName())
        .put("timestamp", occurredAt.toString())
        .put("data", data.copy());
  }

  private static JsonObject withoutSecrets(JsonObject data) {
    JsonObject copy = data.copy();
    SECRET_KEYS.forEach(copy::remove);
    for (String key : copy.fieldNames()) {
      if (copy.getValue(key) instanceof JsonObject nested) {
        copy.put(key, withoutSecrets(nested));
      }
    }
    return copy;
  }
}
