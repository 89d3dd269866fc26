package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Brand;
import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.EmbedOrigins;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.LogoRef;
import dev.dovetail.booking.domain.Provider;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code {_id: handle, displayName, email, zone, createdAt, embedOrigins: [origin], brandColour, language, logo:
 * {hash, format, width, height}}} (no {@code embedOrigins}: no origin; no {@code brandColour}, {@code language} or
 * {@code logo}: the hub's look, English, no logo, as every provider stored before ADR 57).
 */
final class ProviderCodec {

  private ProviderCodec() {}

  static JsonObject encode(Provider p) {
    JsonObject doc = new JsonObject()
        .put("_id", p.id())
        .put("displayName", p.displayName())
        .put("email", p.email())
        .put("zone", p.zone().getId())
        .put("createdAt", p.createdAt().toEpochMilli())
        .put("embedOrigins", new JsonArray(List.copyOf(p.embedOrigins().origins())));
    Brand brand = p.brand();
    doc.put("language", brand.language());
    if (brand.colour() != null) {
      doc.put("brandColour", brand.colour().hex());
    }
    if (brand.logo() != null) {
      LogoRef logo = brand.logo();
      doc.put("logo", new JsonObject().put("hash", logo.hash()).put("format", logo.format().name())
          .put("width", logo.width()).put("height", logo.height()));
    }
    return doc;
  }

  static Provider decode(JsonObject doc) {
    JsonArray origins = doc.getJsonArray("embedOrigins", new JsonArray());
    String colour = doc.getString("brandColour");
    JsonObject logo = doc.getJsonObject("logo");
    Brand brand = new Brand(colour == null ? null : new BrandColour(colour),
        logo == null ? null : new LogoRef(logo.getString("hash"), Logo.Format.valueOf(logo.getString("format")),
            logo.getInteger("width"), logo.getInteger("height")),
        doc.getString("language", Brand.DEFAULT_LANGUAGE));
    return new Provider(doc.getString("_id"), doc.getString("displayName"), doc.getString("email"),
        ZoneId.of(doc.getString("zone")), MongoSupport.requiredInstant(doc, "createdAt"),
        new EmbedOrigins(origins.stream().map(String.class::cast).toList()), brand);
  }
}
