package dev.dovetail.booking.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The tenant: a business that rents out time. Its {@code id} is its public handle ({@code /book/{id}/...}); every
 * resource, booking type and booking belongs to exactly one provider. {@code embedOrigins}: the sites that may frame
 * its public booking pages (ADR 45). {@code brand}: its colour, logo and language on the customer pages and mails
 * (ADR 57).
 */
public record Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt,
    EmbedOrigins embedOrigins, Brand brand) {

  public Provider {
    Ids.requireSlug(id, "provider id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(embedOrigins, "embedOrigins");
    Objects.requireNonNull(brand, "brand");
  }

  /** A provider with the hub's own look. */
  public Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt,
      EmbedOrigins embedOrigins) {
    this(id, displayName, email, zone, createdAt, embedOrigins, Brand.none());
  }

  /** A provider whose pages no other site may frame. */
  public Provider(String id, String displayName, String email, ZoneId zone, Instant createdAt) {
    this(id, displayName, email, zone, createdAt, EmbedOrigins.none());
  }

  public Provider withProfile(String newDisplayName, ZoneId newZone) {
    return new Provider(id, newDisplayName, email, newZone, createdAt, embedOrigins, brand);
  }

  public Provider withEmbedOrigins(EmbedOrigins origins) {
    return new Provider(id, displayName, email, zone, createdAt, origins, brand);
  }

  public Provider withBrand(Brand newBrand) {
    return new Provider(id, displayName, email, zone, createdAt, embedOrigins, newBrand);
  }
}
