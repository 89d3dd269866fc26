package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Provider;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;

/** {@code {_id: handle, displayName, email, zone, createdAt}}. */
final class ProviderCodec {

  private ProviderCodec() {}

  static JsonObject encode(Provider p) {
    return new JsonObject()
        .put("_id", p.id())
        .put("displayName", p.displayName())
        .put("email", p.email())
        .put("zone", p.zone().getId())
        .put("createdAt", p.createdAt().toEpochMilli());
  }

  static Provider decode(JsonObject doc) {
    return new Provider(doc.getString("_id"), doc.getString("displayName"), doc.getString("email"),
        ZoneId.of(doc.getString("zone")), MongoSupport.requiredInstant(doc, "createdAt"));
  }
}
