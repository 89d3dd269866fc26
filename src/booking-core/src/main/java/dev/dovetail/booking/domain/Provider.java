package dev.dovetail.booking.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The tenant: a business that rents out time. Its {@code id} is its public handle ({@code /book/{id}/...}); every
 * resource, booking type and booking belongs to exactly one provider. {@code embedOrigins}: the sites that may frame
 * its public booking pages (ADR 45).
 */
public record Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt,
    EmbedOrigins embedOrigins) {

  public Provider {
    Ids.requireSlug(id, "provider id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(embedOrigins, "embedOrigins");
  }

  /** A provider whose pages no other site may frame. */
  public Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt) {
    this(id, displayName, email, zone, createdAt, EmbedOrigins.none());
  }

  public Provider withProfile(String newDisplayName, ZoneId newZone) {
    return new Provider(id, newDisplayName, email, newZone, createdAt, embedOrigins);
  }

  public Provider withEmbedOrigins(EmbedOrigins origins) {
    return new Provider(id, displayName, email, zone, createdAt, origins);
  }
}
