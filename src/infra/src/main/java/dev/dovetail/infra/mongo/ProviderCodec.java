package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.domain.Provider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;

/** {@code {_id: handle, displayName, email, zone, createdAt, embedOrigins: [origin]}} (no field: no origin). */
final class ProviderCodec {

  private ProviderCodec() {}

  static JsonObject encode(Provider p) {
    return new JsonObject()
        .put("_id", p.id())
        .put("displayName", p.displayName())
        .put("email", p.email())
        .put("zone", p.zone().getId())
        .put("createdAt", p.createdAt().toEpochMilli())
        .put("embedOrigins", new JsonArray(List.copyOf(p.embedOrigins().origins())));
  }

  static Provider decode(JsonObject doc) {
    JsonArray origins = doc.getJsonArray("embedOrigins", new JsonArray());
    return new Provider(doc.getString("_id"), doc.getString("displayName"), doc.getString("email"),
        ZoneId.of(doc.getString("zone")), MongoSupport.requiredInstant(doc, "createdAt"),
        new EmbedOrigins(origins.stream().map(String.class::cast).toList()));
  }
}
