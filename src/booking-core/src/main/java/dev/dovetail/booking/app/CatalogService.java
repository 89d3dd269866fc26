package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Function;

/** Resources, availability rules and booking types, scoped to their provider. */
public class CatalogService implements ManageCatalog, PublicCatalog {

  private final ProviderRepository providers;
  private final ResourceRepository resources;
  private final BookingTypeRepository types;

  public CatalogService(ProviderRepository providers, ResourceRepository resources, BookingTypeRepository types) {
    this.providers = providers;
    this.resources = resources;
    this.types = types;
  }

  @Override
  public Future<Offer> offer(String bookingTypeId) {
    return types.findById(bookingTypeId)
        .map(found -> found.orElseThrow(() -> new NotFoundException("booking type", bookingTypeId)))
        .compose(type -> resources.findById(type.resourceId())
            .map(r -> r.orElseThrow(() -> new NotFoundException("resource", type.resourceId())))
            .compose(resource -> providers.findById(type.providerId())
                .map(p -> p.orElseThrow(() -> new NotFoundException("provider", type.providerId())))
                .map(provider -> new Offer(provider, resource, type))));
  }

  @Override
  public Future<Provider> provider(String providerId) {
    return providers.findById(providerId).map(p -> p.orElseThrow(() -> new NotFoundException("provider", providerId)));
  }

  @Override
  public Future<Resource> createResource(String providerId, Resource resource) {
    return requireOwner(providerId, resource.providerId()).compose(v -> resources.insert(resource)).map(resource);
  }

  @Override
  public Future<Resource> updateResource(String providerId, Resource resource) {
    return requireOwner(providerId, resource.providerId())
        .compose(v -> resource(providerId, resource.id()))
        .compose(existing -> resources.update(resource)).map(resource);
  }

  @Override
  public Future<Resource> resource(String providerId, String resourceId) {
    return resources.findById(resourceId)
        .map(found -> owned(found, Resource::providerId, providerId, "resource", resourceId));
  }

  @Override
  public Future<Page<Resource>> resources(String providerId, PageRequest page) {
    return resources.listByProvider(providerId, page);
  }

  @Override
  public Future<Void> deleteResource(String providerId, String resourceId) {
    return resource(providerId, resourceId).compose(r -> resources.delete(resourceId));
  }

  @Override
  public Future<Resource> setAvailability(String providerId, String resourceId, AvailabilityRule rule) {
    return resource(providerId, resourceId).map(r -> r.withAvailability(rule))
        .compose(updated -> resources.update(updated).map(updated));
  }

  @Override
  public Future<BookingType> createBookingType(String providerId, BookingType type) {
    return requireOwner(providerId, type.providerId())
        .compose(v -> resource(providerId, type.resourceId()))
        .recover(err -> Future.failedFuture(
            new InvalidRequestException("resourceId does not name one of your resources: " + type.resourceId())))
        .compose(r -> types.insert(type)).map(type);
  }

  @Override
  public Future<BookingType> updateBookingType(String providerId, BookingType type) {
    return requireOwner(providerId, type.providerId())
        .compose(v -> bookingType(providerId, type.id()))
        .compose(existing -> resource(providerId, type.resourceId()))
        .compose(r -> types.update(type)).map(type);
  }

  @Override
  public Future<BookingType> bookingType(String providerId, String bookingTypeId) {
    return types.findById(bookingTypeId)
        .map(found -> owned(found, BookingType::providerId, providerId, "booking type", bookingTypeId));
  }

  @Override
  public Future<Page<BookingType>> bookingTypes(String providerId, PageRequest page) {
    return types.listByProvider(providerId, page);
  }

  @Override
  public Future<Void> deleteBookingType(String providerId, String bookingTypeId) {
    return bookingType(providerId, bookingTypeId).compose(t -> types.delete(bookingTypeId));
  }

  private static Future<Void> requireOwner(String caller, String owner) {
    return caller.equals(owner)
        ? Future.succeededFuture()
        : Future.failedFuture(new InvalidRequestException("objects can only be created for your own provider"));
  }

  /** Another provider's object is reported exactly like a missing one, so ids cannot be probed across tenants. */
  private static <T> T owned(
      Optional<T> found, Function<T, String> owner, String providerId, String what, String id) {
    return found.filter(item -> providerId.equals(owner.apply(item)))
        .orElseThrow(() -> new NotFoundException(what, id));
  }
}
