package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * What the public pages may know: an offer (the type, its resource and its provider), and a provider's bookable offers
 * for its page of types.
 */
public interface PublicCatalog {

  /** How many offers a provider's public page lists at most. */
  int MAX_LISTED_OFFERS = 100;

  /**
   * A type with its provider and resources: {@code resource} is the type's own (a pool's first member) and {@code
   * members} every resource it may block, in the pool's order ({@code [resource]} without a pool).
   */
  record Offer(Provider provider, Resource resource, BookingType type, List<Resource> members) {

    public Offer {
      members = List.copyOf(members);
    }

    /** An offer on one resource. */
    public Offer(Provider provider, Resource resource, BookingType type) {
      this(provider, resource, type, List.of(resource));
    }

    /** The member with this id, if the offer has one. */
    public Optional<Resource> member(String resourceId) {
      return members.stream().filter(r -> r.id().equals(resourceId)).findFirst();
    }
  }

  /** A provider and its offers whose resource takes bookings, by name, at most {@link #MAX_LISTED_OFFERS}. */
  record ProviderOffers(Provider provider, List<Offer> offers) {}

  Future<Offer> offer(String bookingTypeId);

  Future<ProviderOffers> offers(String providerId);

  /**
   * The resources whose booking types may use time freed on {@code resourceId} (ADR 43): itself, and the own resource
   * (first member) of every pooled booking type naming it; unknown resources have only themselves.
   */
  Future<List<String>> typeResourcesUsing(String resourceId);

  /** The provider's logo with this content hash (ADR 57); fails with a {@code NotFoundException} if it has none such. */
  Future<Logo> logo(String providerId, String hash);
}
