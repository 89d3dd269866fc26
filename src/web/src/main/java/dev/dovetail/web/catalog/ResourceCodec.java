package dev.dovetail.web.catalog;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.web.codec.TimeCodec;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.json.JsonObject;

/** Resources as JSON; the provider id never comes from the body, always from the caller. */
public final class ResourceCodec {

  private ResourceCodec() {}

  public static JsonObject toJson(Resource resource) {
    return new JsonObject()
        .put("id", resource.id())
        .put("name", resource.name())
        .put("timeZone", resource.zone().getId())
        .put("bookable", resource.bookable())
        .put("availability", AvailabilityCodec.toJson(resource.availability()));
  }

  /** A new resource of the caller: the id from the body (a slug) or a generated one; closed unless given hours. */
  public static Resource fromCreate(String providerId, JsonObject json) {
    String id = json.getString("id");
    return build(id == null ? Ids.random() : id, providerId, json, AvailabilityCodec.fromJson(json.getJsonObject("availability")));
  }

  /** A replacement of the caller's resource {@code id}; keeps {@code current} availability unless the body has one. */
  public static Resource fromUpdate(String providerId, String id, JsonObject json, AvailabilityRule current) {
    JsonObject availability = json.getJsonObject("availability");
    return build(id, providerId, json, availability == null ? current : AvailabilityCodec.fromJson(availability));
  }

  private static Resource build(String id, String providerId, JsonObject json, AvailabilityRule availability) {
    try {
      return new Resource(id, providerId, json.getString("name"), TimeCodec.zone(json.getString("timeZone"), "timeZone"),
          json.getBoolean("bookable", true), availability);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
  }
}
