package dev.dovetail.bench.load;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.WallClockWindow;
import dev.dovetail.infra.mongo.MongoStore;
import io.vertx.core.Future;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * What the load drivers seed, written to the store directly: the provider {@code demo} and, for each name, a resource
 * {@code PREFIX-room-NAME} open by the given hours with one booking type {@code PREFIX-type-NAME} on it.
 */
final class Rooms {

  private Rooms() {}

  /** Hours open from {@code from} to {@code to} (wall clock, {@code "00:00"} to {@code "00:00"}: all day) on days. */
  static AvailabilityRule open(List<DayOfWeek> days, String from, String to) {
    Map<DayOfWeek, List<WallClockWindow>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek day : days) {
      weekly.put(day, List.of(WallClockWindow.of(from, to)));
    }
    return new AvailabilityRule(weekly, List.of(), Map.of(), Set.of());
  }

  /**
   * Seeds the provider and its rooms; {@code type} makes a room's booking type from its id and its resource's id.
   */
  static Future<Void> seed(MongoStore store, String providerName, ZoneId zone, AvailabilityRule hours, String prefix,
      List<String> names, BiFunction<String, String, BookingType> type) {
    List<Future<Void>> writes = new ArrayList<>();
    for (String name : names) {
      String room = prefix + "-room-" + name;
      writes.add(store.resources().insert(new Resource(room, "demo", "Room " + name, zone, true, hours)));
      writes.add(store.bookingTypes().insert(type.apply(prefix + "-type-" + name, room)));
    }
    String email = providerName.toLowerCase() + "@example.com";
    return store.providers().insert(new Provider("demo", providerName, email, zone, Instant.now()))
        .compose(v -> Future.all(writes)).mapEmpty();
  }
}
