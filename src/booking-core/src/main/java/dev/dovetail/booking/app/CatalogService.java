package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.AvailabilityRule;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.in.ManageCatalog;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.calendar.port.out.CalendarObjectRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resources, availability rules and booking types, scoped to their provider.
 *
 * <p>Offers (type, resource, provider), read on every slot query and booking, may be kept for {@code offerTtl}: every
 * catalog write through this service empties the cache, so a node sees its own changes at once and other nodes of a
 * cluster within {@code offerTtl}. The schedule is read on every query; computed slot answers are kept only while the
 * offer and the schedules read for the query are the ones they were computed from ({@code SlotAnswers}, ADR 63).
 *
 * <p>Nothing is deleted from under a live booking: a resource while booking types offer it, a booking type while it
 * has bookings that still hold or will hold time (409 naming them; the provider cancels them first, which sends the
 * customers their notices and refunds). A deleted resource's id is retired (ADR 22) and what was keyed by it is
 * purged: its schedule (busy time, past booking blocks) and its calendar (objects, sync history, webcal token).
 */
public class CatalogService implements ManageCatalog, PublicCatalog {

  private static final int MAX_CACHED_OFFERS = 10_000;
  /** How many live bookings a refused booking-type delete names. */
  private static final int NAMED_BOOKINGS = 5;
  private static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");

  private final ProviderRepository providers;
  private final ResourceRepository resources;
  private final BookingTypeRepository types;
  private final BookingRepository bookings;
  private final ScheduleRepository schedules;
  private final CalendarObjectRepository calendars;
  private final Duration offerTtl;
  private final Clock clock;
  private final Map<String, CachedOffer> offers = new ConcurrentHashMap<>();

  private record CachedOffer(Offer offer, Instant expires) {}

  /**
   * Without an offer cache. The clock is the caller's (the hub's, or a test's): "still to come" (deletes never orphan a
   * booking, ADR 33) must mean the same instant as everywhere else in the caller.
   */
  public CatalogService(ProviderRepository providers, ResourceRepository resources, BookingTypeRepository types,
      BookingRepository bookings, ScheduleRepository schedules, CalendarObjectRepository calendars, Clock clock) {
    this(providers, resources, types, bookings, schedules, calendars, Duration.ZERO, clock);
  }

  public CatalogService(ProviderRepository providers, ResourceRepository resources, BookingTypeRepository types,
      BookingRepository bookings, ScheduleRepository schedules, CalendarObjectRepository calendars, Duration offerTtl,
      Clock clock) {
    this.providers = providers;
    this.resources = resources;
    this.types = types;
    this.bookings = bookings;
    this.schedules = schedules;
    this.calendars = calendars;
    this.offerTtl = offerTtl;
    this.clock = clock;
  }

  @Override
  public Future<Offer> offer(String bookingTypeId) {
    CachedOffer cached = offers.get(bookingTypeId);
    if (cached != null && clock.instant().isBefore(cached.expires())) {
      return Future.succeededFuture(cached.offer());
    }
    Future<Offer> loaded = loadOffer(bookingTypeId);
    if (offerTtl.isZero()) {
      return loaded;
    }
    return loaded.onSuccess(offer -> {
      if (offers.size() >= MAX_CACHED_OFFERS) {
        offers.clear();
      }
      offers.put(bookingTypeId, new CachedOffer(offer, clock.instant().plus(offerTtl)));
    });
  }

  @Override
  public Future<ProviderOffers> offers(String providerId) {
    return provider(providerId).compose(provider -> types.listByProvider(providerId,
            PageRequest.first(MAX_LISTED_OFFERS))
        .compose(page -> {
          Map<String, Future<Optional<Resource>>> byResource = new HashMap<>();
          page.items().forEach(t -> t.resourceIds().forEach(id -> byResource.computeIfAbsent(id, resources::findById)));
          Future<?> loaded = Future.all(List.copyOf(byResource.values()));
          return loaded.map(v -> page.items().stream()
              .flatMap(t -> byResource.get(t.resourceId()).result().stream()
                  .filter(r -> r.bookable() && r.providerId().equals(providerId))
                  .map(r -> new Offer(provider, r, t, t.resourceIds().stream()
                      .flatMap(id -> byResource.get(id).result().stream()).toList())))
              .sorted(Comparator.comparing((Offer o) -> o.type().name(), String.CASE_INSENSITIVE_ORDER))
              .toList());
        })
        .map(offers -> new ProviderOffers(provider, offers)));
  }

  private Future<Offer> loadOffer(String bookingTypeId) {
    return types.findById(bookingTypeId)
        .map(found -> found.orElseThrow(() -> new NotFoundException("booking type", bookingTypeId)))
        .compose(type -> members(type)
            .compose(members -> providers.findById(type.providerId())
                .map(p -> p.orElseThrow(() -> new NotFoundException("provider", type.providerId())))
                .map(provider -> new Offer(provider, members.get(0), type, members))));
  }

  /** Every resource the type may block, in its pool's order (its one resource without a pool). */
  private Future<List<Resource>> members(BookingType type) {
    List<Future<Resource>> found = type.resourceIds().stream()
        .map(id -> resources.findById(id).map(r -> r.orElseThrow(() -> new NotFoundException("resource", id))))
        .toList();
    Future<?> all = Future.all(found);
    return all.map(v -> found.stream().map(Future::result).toList());
  }

  @Override
  public Future<Logo> logo(String providerId, String hash) {
    return providers.findLogo(providerId, hash)
        .map(found -> found.orElseThrow(() -> new NotFoundException("logo", hash)));
  }

  @Override
  public Future<Provider> provider(String providerId) {
    return providers.findById(providerId).map(p -> p.orElseThrow(() -> new NotFoundException("provider", providerId)));
  }

  @Override
  public Future<Resource> createResource(String providerId, Resource resource) {
    return requireOwner(providerId, resource.providerId()).compose(v -> resources.insert(resource)).map(resource)
        .onSuccess(this::forgetOffers);
  }

  @Override
  public Future<Resource> updateResource(String providerId, Resource resource) {
    return requireOwner(providerId, resource.providerId())
        .compose(v -> resource(providerId, resource.id()))
        .compose(existing -> resources.update(resource)).map(resource)
        .onSuccess(this::forgetOffers);
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
    return resource(providerId, resourceId)
        .compose(r -> typesOf(providerId, resourceId, null, new ArrayList<>()))
        .compose(using -> using.isEmpty()
            ? resources.delete(resourceId)
            : Future.failedFuture(new ConflictException("booking types still offer this resource: "
                + String.join(", ", using) + "; delete them or move them to another resource first")))
        .onSuccess(this::forgetOffers)
        .compose(retired -> purge(resourceId));
  }

  /**
   * Removes what is keyed by a retired resource id. Runs after the retirement, so no request finds the resource
   * again; should it fail, the delete fails with the id already retired and the leftovers unreachable (ADR 22).
   */
  private Future<Void> purge(String resourceId) {
    return schedules.delete(resourceId).compose(v -> calendars.delete(resourceId));
  }

  @Override
  public Future<List<String>> typeResourcesUsing(String resourceId) {
    return resources.findById(resourceId).compose(found -> found.isEmpty()
        ? Future.succeededFuture(List.of(resourceId))
        : pooledTypeResources(found.get().providerId(), resourceId, null, new LinkedHashSet<>(List.of(resourceId)))
            .map(List::copyOf));
  }

  /** The own resources of the provider's pooled types naming {@code resourceId}, walking every page. */
  private Future<Set<String>> pooledTypeResources(String providerId, String resourceId, String cursor,
      Set<String> found) {
    return types.listByProvider(providerId, new PageRequest(cursor, PageRequest.MAX_LIMIT)).compose(page -> {
      page.items().stream().filter(t -> t.pool() != null && t.resourceIds().contains(resourceId))
          .map(BookingType::resourceId).forEach(found::add);
      return page.nextCursor() == null ? Future.succeededFuture(found)
          : pooledTypeResources(providerId, resourceId, page.nextCursor(), found);
    });
  }

  /** Ids of the provider's booking types on this resource (their bookings hang on them), walking every page. */
  private Future<List<String>> typesOf(String providerId, String resourceId, String cursor, List<String> found) {
    return types.listByProvider(providerId, new PageRequest(cursor, PageRequest.MAX_LIMIT)).compose(page -> {
      page.items().stream().filter(t -> t.resourceIds().contains(resourceId)).map(BookingType::id)
          .forEach(found::add);
      return page.nextCursor() == null ? Future.succeededFuture(found)
          : typesOf(providerId, resourceId, page.nextCursor(), found);
    });
  }

  @Override
  public Future<Resource> setAvailability(String providerId, String resourceId, AvailabilityRule rule) {
    return resource(providerId, resourceId).map(r -> r.withAvailability(rule))
        .compose(updated -> resources.update(updated).map(updated))
        .onSuccess(this::forgetOffers);
  }

  @Override
  public Future<BookingType> createBookingType(String providerId, BookingType type) {
    return requireOwner(providerId, type.providerId())
        .compose(v -> requireOwnResources(providerId, type))
        .compose(r -> types.insert(type)).map(type)
        .onSuccess(this::forgetOffers);
  }

  @Override
  public Future<BookingType> updateBookingType(String providerId, BookingType type) {
    return requireOwner(providerId, type.providerId())
        .compose(v -> bookingType(providerId, type.id()))
        .compose(existing -> requireOwnResources(providerId, type))
        .compose(r -> types.update(type)).map(type)
        .onSuccess(this::forgetOffers);
  }

  /** Every resource the type names (its pool's members) is one of the provider's: else 400, nothing written. */
  private Future<Void> requireOwnResources(String providerId, BookingType type) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : type.resourceIds()) {
      chain = chain.compose(v -> resource(providerId, id).<Void>mapEmpty()
          .recover(err -> Future.failedFuture(new InvalidRequestException(
              (type.pool() == null ? "resourceId" : "pool member") + " does not name one of your resources: " + id))));
    }
    return chain;
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
    return bookingType(providerId, bookingTypeId)
        .compose(t -> liveBookingsOnMembers(t, new TimeRange(clock.instant(), FAR_FUTURE)))
        .compose(live -> live.isEmpty()
            ? types.delete(bookingTypeId)
            : Future.failedFuture(new ConflictException("this booking type has bookings that are held or still to "
                + "come: " + String.join(", ", live) + "; cancel them first (the customers get their notices)")))
        .onSuccess(this::forgetOffers);
  }

  /** {@link #liveBookings} on every resource the type may block (a pool's members one after the other). */
  private Future<List<String>> liveBookingsOnMembers(BookingType type, TimeRange window) {
    List<String> found = new ArrayList<>();
    Future<List<String>> chain = Future.succeededFuture(found);
    for (String resourceId : type.resourceIds()) {
      chain = chain.compose(f -> f.size() >= NAMED_BOOKINGS ? Future.succeededFuture(f)
          : liveBookings(type, resourceId, window, null, f, 0));
    }
    return chain;
  }

  /**
   * Ids of the type's bookings that hold time in {@code window} (confirmed, or held and not yet expired), walking its
   * resource's pages until {@link #NAMED_BOOKINGS} are found; the last entry says how many more there are.
   */
  private Future<List<String>> liveBookings(
      BookingType type, String resourceId, TimeRange window, String cursor, List<String> found, int more) {
    return bookings.listByProvider(type.providerId(), resourceId, window,
        new PageRequest(cursor, PageRequest.MAX_LIMIT)).compose(page -> {
          int extra = more;
          for (Booking b : page.items()) {
            if (b.bookingTypeId().equals(type.id()) && holdsTime(b, window.start())) {
              if (found.size() < NAMED_BOOKINGS) {
                found.add(b.id());
              } else {
                extra++;
              }
            }
          }
          if (page.nextCursor() != null) {
            return liveBookings(type, resourceId, window, page.nextCursor(), found, extra);
          }
          if (extra > 0) {
            found.add("and " + extra + " more");
          }
          return Future.succeededFuture(found);
        });
  }

  private static boolean holdsTime(Booking booking, Instant now) {
    return switch (booking.status()) {
      case CONFIRMED -> true;
      case HELD -> booking.holdExpiresAt() == null || booking.holdExpiresAt().isAfter(now);
      default -> false;
    };
  }

  private void forgetOffers(Object changed) {
    offers.clear();
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
