package dev.dovetail.web.codec;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.booking.port.in.PublicCatalog.Offer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A booking type's pool as JSON (ADR 43): {@code {mode, members: [{resourceId, priority}], assignment,
 * customerMayPick, balanceWindowDays}}; absent fields take ROUND_ROBIN, no pick, 14 days and priority 0. Invalid
 * values surface as {@link IllegalArgumentException}, which the booking-type codec answers with a 400.
 */
public final class PoolCodec {

  private PoolCodec() {}

  public static JsonObject toJson(ResourcePool pool) {
    JsonArray members = new JsonArray();
    pool.members().forEach(m -> members.add(new JsonObject()
        .put("resourceId", m.resourceId())
        .put("priority", m.priority())));
    return new JsonObject()
        .put("mode", pool.mode().name())
        .put("members", members)
        .put("assignment", pool.assignment().name())
        .put("customerMayPick", pool.customerMayPick())
        .put("balanceWindowDays", pool.balanceWindow().toDays());
  }

  /** What the public pages need: the mode, whether the customer may pick, and the members' names (to pick, to show). */
  public static JsonObject offerJson(ResourcePool pool, List<Resource> members) {
    JsonArray listed = new JsonArray();
    members.forEach(r -> listed.add(new JsonObject().put("id", r.id()).put("name", r.name())));
    return new JsonObject()
        .put("mode", pool.mode().name())
        .put("customerMayPick", pool.customerMayPick())
        .put("members", listed);
  }

  /** Where an offer books, for people: its resource, or its pool's members ("A or B" for ANY, "A and B" for ALL). */
  public static String whereText(Offer offer) {
    ResourcePool pool = offer.type().pool();
    if (pool == null) {
      return offer.resource().name();
    }
    return offer.members().stream().map(Resource::name)
        .collect(Collectors.joining(pool.mode() == ResourcePool.Mode.ALL ? " and " : " or "));
  }

  /** Where a booking takes place, for people: the names of the resources it blocks (the member(s) it got). */
  public static String whereText(Offer offer, Booking booking) {
    return booking.resourceIds().stream()
        .map(id -> offer.member(id).map(Resource::name).orElse(id))
        .collect(Collectors.joining(" and "));
  }

  /** The pool of a create or update request; null (no pool) when absent. */
  public static ResourcePool fromJson(JsonObject json) {
    if (json == null) {
      return null;
    }
    List<PoolMember> members = new ArrayList<>();
    JsonArray memberJson = json.getJsonArray("members", new JsonArray());
    for (int i = 0; i < memberJson.size(); i++) {
      JsonObject member = memberJson.getJsonObject(i);
      members.add(new PoolMember(member.getString("resourceId"), member.getInteger("priority", 0)));
    }
    return new ResourcePool(
        ResourcePool.Mode.valueOf(json.getString("mode")),
        members,
        ResourcePool.Assignment.valueOf(json.getString("assignment", ResourcePool.Assignment.ROUND_ROBIN.name())),
        json.getBoolean("customerMayPick", false),
        Duration.ofDays(json.getLong("balanceWindowDays", ResourcePool.DEFAULT_BALANCE_WINDOW.toDays())));
  }
}
