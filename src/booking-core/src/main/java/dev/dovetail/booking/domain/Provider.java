package dev.dovetail.booking.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The tenant: a business that rents out time. Its {@code id} is its public handle ({@code /book/{id}/...}); every
 * resource, booking type and booking belongs to exactly one provider.
 */
public record Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt) {

  public Provider {
    Ids.requireSlug(id, "provider id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
