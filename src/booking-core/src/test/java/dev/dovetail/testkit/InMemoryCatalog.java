package dev.dovetail.testkit;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reference adapters for providers, resources and booking types. */
public final class InMemoryCatalog {

  private InMemoryCatalog() {}

  public static class Providers implements ProviderRepository {
    private final Map<String, Provider> byId = new ConcurrentHashMap<>();

    @Override
    public Future<Void> insert(Provider provider) {
      return byId.putIfAbsent(provider.id(), provider) == null
          ? Future.succeededFuture()
          : Future.failedFuture(new ConflictException("provider handle is taken: " + provider.id()));
    }

    @Override
    public Future<Optional<Provider>> findById(String id) {
      return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Future<Void> update(Provider provider) {
      return byId.replace(provider.id(), provider) != null
          ? Future.succeededFuture()
          : Future.failedFuture(new dev.dovetail.kernel.NotFoundException("provider", provider.id()));
    }

    private final Map<String, Logo> logos = new ConcurrentHashMap<>();

    @Override
    public Future<Void> putLogo(String providerId, Logo logo) {
      logos.put(providerId + "/" + logo.hash(), logo);
      return Future.succeededFuture();
    }

    @Override
    public Future<Optional<Logo>> findLogo(String providerId, String hash) {
      return Future.succeededFuture(Optional.ofNullable(logos.get(providerId + "/" + hash)));
    }

    @Override
    public Future<Void> deleteLogosExcept(String providerId, String keepHash) {
      logos.keySet().removeIf(key -> key.startsWith(providerId + "/") && !key.equals(providerId + "/" + keepHash));
      return Future.succeededFuture();
    }
  }

  public static class Resources implements ResourceRepository {
    private final Map<String, Resource> byId = new ConcurrentHashMap<>();
    private final java.util.Set<String> retired = ConcurrentHashMap.newKeySet();

    @Override
    public Future<Void> insert(Resource resource) {
      return !retired.contains(resource.id()) && byId.putIfAbsent(resource.id(), resource) == null
          ? Future.succeededFuture()
          : Future.failedFuture(new ConflictException("resource id is taken: " + resource.id()));
    }

    @Override
    public Future<Void> update(Resource resource) {
      return byId.replace(resource.id(), resource) != null
          ? Future.succeededFuture()
          : Future.failedFuture(new NotFoundException("resource", resource.id()));
    }

    @Override
    public Future<Optional<Resource>> findById(String id) {
      return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Future<Page<Resource>> listByProvider(String providerId, PageRequest page) {
      return Future.succeededFuture(InMemoryPages.page(
          byId.values().stream().filter(r -> r.providerId().equals(providerId)), Resource::id, page));
    }

    @Override
    public Future<Void> delete(String id) {
      retired.add(id);
      byId.remove(id);
      return Future.succeededFuture();
    }
  }

  public static class BookingTypes implements BookingTypeRepository {
    private final Map<String, BookingType> byId = new ConcurrentHashMap<>();
    private final java.util.Set<String> retired = ConcurrentHashMap.newKeySet();

    @Override
    public Future<Void> insert(BookingType type) {
      return !retired.contains(type.id()) && byId.putIfAbsent(type.id(), type) == null
          ? Future.succeededFuture()
          : Future.failedFuture(new ConflictException("booking type id is taken: " + type.id()));
    }

    @Override
    public Future<Void> update(BookingType type) {
      return byId.replace(type.id(), type) != null
          ? Future.succeededFuture()
          : Future.failedFuture(new NotFoundException("booking type", type.id()));
    }

    @Override
    public Future<Optional<BookingType>> findById(String id) {
      return Future.succeededFuture(Optional.ofNullable(byId.get(id)));
    }

    @Override
    public Future<Page<BookingType>> listByProvider(String providerId, PageRequest page) {
      return Future.succeededFuture(InMemoryPages.page(
          byId.values().stream().filter(t -> t.providerId().equals(providerId)), BookingType::id, page));
    }

    @Override
    public Future<Void> delete(String id) {
      retired.add(id);
      byId.remove(id);
      return Future.succeededFuture();
    }
  }
}
