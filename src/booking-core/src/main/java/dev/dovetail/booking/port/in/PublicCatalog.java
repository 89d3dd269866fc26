package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;
import java.util.List;

/**
 * What the public pages may know: an offer (the type, its resource and its provider), and a provider's bookable offers
 * for its page of types.
 */
public interface PublicCatalog {

  /** How many offers a provider's public page lists at most. */
  int MAX_LISTED_OFFERS = 100;

  record Offer(Provider provider, Resource resource, BookingType type) {}

  /** A provider and its offers whose resource takes bookings, by name, at most {@link #MAX_LISTED_OFFERS}. */
  record ProviderOffers(Provider provider, List<Offer> offers) {}

  Future<Offer> offer(String bookingTypeId);

  Future<ProviderOffers> offers(String providerId);
}
