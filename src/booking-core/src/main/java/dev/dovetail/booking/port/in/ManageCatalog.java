package dev.dovetail.booking.port.in;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;

/**
 * A provider manages its resources, their availability rules and its booking types. Every call takes the caller's
 * provider id and treats another provider's objects as not found (tenant isolation).
 */
public interface ManageCatalog {

  Future<Provider> provider(String providerId);

  Future<Resource> createResource(String providerId, Resource resource);

  Future<Resource> updateResource(String providerId, Resource resource);

  Future<Resource> resource(String providerId, String resourceId);

  Future<Page<Resource>> resources(String providerId, PageRequest page);

  Future<Void> deleteResource(String providerId, String resourceId);

  Future<Resource> setAvailability(String providerId, String resourceId, AvailabilityRule rule);

  Future<BookingType> createBookingType(String providerId, BookingType type);

  Future<BookingType> updateBookingType(String providerId, BookingType type);

  Future<BookingType> bookingType(String providerId, String bookingTypeId);

  Future<Page<BookingType>> bookingTypes(String providerId, PageRequest page);

  Future<Void> deleteBookingType(String providerId, String bookingTypeId);
}
