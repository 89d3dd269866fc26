package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;

/** What the public booking page may know about an offer: the type, its resource and its provider. */
public interface PublicCatalog {

  record Offer(Provider provider, Resource resource, BookingType type) {}

  Future<Offer> offer(String bookingTypeId);
}
