package dev.dovetail.booking.domain;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Something scarce that is rented out by time: a room, a person, a table. Its availability rule is wall-clock time
 * in its own IANA zone. A resource that is not bookable still appears as a calendar but offers no slots.
 */
public record Resource(
    String id, String providerId, String name, ZoneId zone, boolean bookable, AvailabilityRule availability) {

  public Resource {
    Ids.requireSlug(id, "resource id");
    Ids.requireSlug(providerId, "provider id");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("resource name must not be blank");
    }
    PlainText.requireNoControl(name, "resource name");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(availability, "availability");
  }

  public Resource withAvailability(AvailabilityRule rule) {
    return new Resource(id, providerId, name, zone, bookable, rule);
  }
}
