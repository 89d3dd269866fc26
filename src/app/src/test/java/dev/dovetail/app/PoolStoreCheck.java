package dev.dovetail.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.kernel.TimeRange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether what the store holds for pooled bookings is whole (ADR 43), read straight from the store: on each room no
 * booking block overlaps any other block; every active booking has its block on each of its resources; and every
 * booking block belongs to an active booking that names its room, at that booking's time (no partial ALL block, no
 * orphan, no block left behind by a move).
 */
final class PoolStoreCheck {

  private PoolStoreCheck() {}

  /** What is not whole in {@code window}, one line each; empty when everything is. */
  static List<String> problems(MongoStore store, String providerId, List<String> rooms, TimeRange window) {
    Map<String, Booking> active = activeBookings(store, providerId, window);
    List<String> problems = new ArrayList<>();
    for (String room : rooms) {
      List<Block> blocks = store.schedules().load(room).await().blocks().stream()
          .filter(b -> b.span().overlaps(window)).toList();
      for (Block a : blocks) {
        for (Block b : blocks) {
          if (a != b && (a.kind() == Block.Kind.BOOKING || b.kind() == Block.Kind.BOOKING)
              && a.span().overlaps(b.span())) {
            problems.add(a + " overlaps " + b + " on " + room);
          }
        }
        Booking owner = active.get(a.ownerId());
        if (a.kind() == Block.Kind.BOOKING && (owner == null || !owner.resourceIds().contains(room))) {
          problems.add("block " + a + " on " + room + " has no active booking naming the room");
        } else if (a.kind() == Block.Kind.BOOKING && !owner.time().equals(a.booked())) {
          problems.add("block " + a + " on " + room + " is not at its booking's time " + owner.time());
        }
      }
      for (Booking booking : active.values()) {
        if (booking.resourceIds().contains(room) && blocks.stream()
            .noneMatch(b -> b.ownerId().equals(booking.id()) && b.booked().equals(booking.time()))) {
          problems.add("booking " + booking.id() + " has no block at its time on " + room);
        }
      }
    }
    return problems;
  }

  private static Map<String, Booking> activeBookings(MongoStore store, String providerId, TimeRange window) {
    Map<String, Booking> active = new HashMap<>();
    String cursor = null;
    do {
      Page<Booking> page = store.bookings().listByProvider(providerId, null, window,
          new PageRequest(cursor, PageRequest.MAX_LIMIT)).await();
      page.items().stream().filter(b -> b.status().isActive()).forEach(b -> active.put(b.id(), b));
      cursor = page.nextCursor();
    } while (cursor != null);
    return active;
  }
}
