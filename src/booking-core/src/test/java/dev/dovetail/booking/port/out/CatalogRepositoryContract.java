package dev.dovetail.booking.port.out;

import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.ContractFixtures.plainResource;
import static dev.dovetail.booking.port.out.ContractFixtures.richResource;
import static dev.dovetail.booking.port.out.ContractFixtures.richType;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Brand;
import dev.dovetail.booking.domain.BrandColour;
import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.PoolMember;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.domain.ResourcePool;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the {@link ProviderRepository}, {@link ResourceRepository} and {@link BookingTypeRepository} must do. */
@ExtendWith(VertxExtension.class)
public interface CatalogRepositoryContract {

  ProviderRepository providers();

  ResourceRepository resources();

  BookingTypeRepository bookingTypes();

  @Test
  @DisplayName("providers: insert then findById reads back every field; unknown handles are empty")
  default void providerRoundTrip(VertxTestContext ctx) {
    Provider provider = new Provider(id("prov"), "Studio Ünïcode", "owner@example.com", ZoneId.of("Pacific/Chatham"),
        Instant.parse("2030-03-04T05:06:07.891Z"));
    providers().insert(provider)
        .compose(v -> Future.all(providers().findById(provider.id()), providers().findById(id("nobody"))))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<java.util.Optional<Provider>>resultAt(0)).contains(provider);
          assertThat(found.<java.util.Optional<Provider>>resultAt(1)).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("providers: a taken handle fails with a ConflictException and keeps the first provider")
  default void providerDuplicateHandleIsConflict(VertxTestContext ctx) {
    Instant created = Instant.parse("2030-03-04T05:06:07Z");
    Provider first = new Provider(id("prov"), "First", "first@example.com", ZoneId.of("UTC"), created);
    Provider second = new Provider(first.id(), "Second", "second@example.com", ZoneId.of("UTC"), created);
    providers().insert(first)
        .compose(v -> failureOf(providers().insert(second)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return providers().findById(first.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(first);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("providers: update replaces the name, zone and embed origins of an existing provider; an unknown one is "
      + "not found")
  default void providerUpdate(VertxTestContext ctx) {
    Instant created = Instant.parse("2030-03-04T05:06:07Z");
    Provider before = new Provider(id("prov"), "Before", "owner@example.com", ZoneId.of("UTC"), created);
    Provider after = new Provider(before.id(), "After", "owner@example.com", ZoneId.of("Asia/Kolkata"), created)
        .withEmbedOrigins(new dev.dovetail.booking.domain.EmbedOrigins(
            java.util.List.of("https://shop.example.com", "https://www.example.org:8443")));
    Provider stranger = new Provider(id("prov"), "Nobody", "nobody@example.com", ZoneId.of("UTC"), created);
    providers().insert(before)
        .compose(v -> providers().update(after))
        .compose(v -> failureOf(providers().update(stranger)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(dev.dovetail.kernel.NotFoundException.class));
          return Future.all(providers().findById(before.id()), providers().findById(stranger.id()));
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<java.util.Optional<Provider>>resultAt(0)).contains(after);
          assertThat(found.<java.util.Optional<Provider>>resultAt(1)).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("resources: every part of the availability rule reads back exactly")
  default void resourceRoundTripsAvailabilityRule(VertxTestContext ctx) {
    Resource rich = richResource(id("res"), id("prov"));
    Resource plain = plainResource(id("res"), rich.providerId());
    resources().insert(rich)
        .compose(v -> resources().insert(plain))
        .compose(v -> Future.all(resources().findById(rich.id()), resources().findById(plain.id())))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<java.util.Optional<Resource>>resultAt(0)).contains(rich);
          assertThat(found.<java.util.Optional<Resource>>resultAt(1)).contains(plain);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("resources: duplicate id is a conflict, update of a missing one is not found, delete removes and retires the id")
  default void resourceInsertUpdateDelete(VertxTestContext ctx) {
    String provider = id("prov");
    Resource resource = TestBookings.officeHours(id("res"), provider, ZoneId.of("Europe/Berlin"));
    Resource renamed = new Resource(resource.id(), provider, "Renamed", ZoneId.of("America/New_York"), false,
        resource.availability());
    resources().insert(resource)
        .compose(v -> failureOf(resources().insert(renamed)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return resources().update(renamed);
        })
        .compose(v -> resources().findById(resource.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).contains(renamed));
          return failureOf(resources().update(plainResource(id("res"), provider)));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(NotFoundException.class));
          return resources().delete(resource.id());
        })
        .compose(v -> resources().delete(resource.id())) // deleting what is gone is fine
        .compose(v -> resources().findById(resource.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).isEmpty());
          return failureOf(resources().insert(plainResource(resource.id(), id("other-prov"))));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).as("a deleted resource's id is retired (ADR 22)")
              .isInstanceOf(ConflictException.class));
          return failureOf(resources().update(plainResource(resource.id(), provider)));
        })
        .compose(err -> resources().listByProvider(provider, new PageRequest(null, 10)).map(page -> {
          ctx.verify(() -> {
            assertThat(err).isInstanceOf(NotFoundException.class);
            assertThat(page.items()).isEmpty();
          });
          return page;
        }))
        .onComplete(ctx.succeeding(page -> ctx.completeNow()));
  }

  @Test
  @DisplayName("resources: listByProvider pages by id, only the provider's, each exactly once")
  default void resourceListPaginatesWithinProvider(VertxTestContext ctx) {
    String provider = id("prov");
    List<Resource> mine = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      mine.add(plainResource(id("res"), provider));
    }
    Future<Void> inserts = resources().insert(plainResource(id("res"), id("prov")));
    for (Resource r : mine) {
      inserts = inserts.compose(v -> resources().insert(r));
    }
    List<Resource> expected = mine.stream().sorted(java.util.Comparator.comparing(Resource::id)).toList();
    inserts.compose(v -> walk(page -> resources().listByProvider(provider, page), 5))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all).containsExactlyElementsOf(expected);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("booking types: every field reads back; duplicate is a conflict; update and delete work; a deleted id is retired")
  default void bookingTypeLifecycle(VertxTestContext ctx) {
    String provider = id("prov");
    BookingType type = richType(id("type"), provider, id("res"));
    BookingType changed = TestBookings.simpleType(type.id(), provider, type.resourceId(), 45);
    bookingTypes().insert(type)
        .compose(v -> bookingTypes().findById(type.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).contains(type));
          return failureOf(bookingTypes().insert(changed));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return bookingTypes().update(changed);
        })
        .compose(v -> bookingTypes().findById(type.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).contains(changed));
          return failureOf(bookingTypes().update(richType(id("type"), provider, type.resourceId())));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(NotFoundException.class));
          return bookingTypes().delete(type.id());
        })
        .compose(v -> bookingTypes().findById(type.id()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).isEmpty());
          return failureOf(bookingTypes().insert(TestBookings.simpleType(type.id(), id("other-prov"), "room-1", 30)));
        })
        .onComplete(ctx.succeeding(err -> ctx.verify(() -> {
          assertThat(err).as("a deleted booking type's id is retired (ADR 22)").isInstanceOf(ConflictException.class);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("booking types: a pool (mode, members with priorities, rule, pick, balance window) reads back exactly")
  default void pooledBookingTypeRoundTrips(VertxTestContext ctx) {
    String provider = id("prov");
    BookingType type = richType(id("type"), provider, "room-a").withPool(new ResourcePool(ResourcePool.Mode.ANY,
        List.of(new PoolMember("room-a", 2), new PoolMember("room-b", 0)), ResourcePool.Assignment.ROUND_ROBIN,
        true, java.time.Duration.ofDays(30)));
    bookingTypes().insert(type)
        .compose(v -> bookingTypes().findById(type.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(type);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("booking types: description, location and questions (every kind, options, required) read back exactly")
  default void bookingTypeDetailsRoundTrip(VertxTestContext ctx) {
    String provider = id("prov");
    BookingType type = richType(id("type"), provider, id("res")).withDetails(ContractFixtures.richDetails());
    bookingTypes().insert(type)
        .compose(v -> bookingTypes().findById(type.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(type);
          assertThat(found.orElseThrow().details().questions()).hasSize(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("booking types: listByProvider pages by id, only the provider's, each exactly once")
  default void bookingTypeListPaginatesWithinProvider(VertxTestContext ctx) {
    String provider = id("prov");
    List<BookingType> mine = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      mine.add(richType(id("type"), provider, "room-1"));
    }
    Future<Void> inserts = bookingTypes().insert(richType(id("type"), id("prov"), "room-1"));
    for (BookingType t : mine) {
      inserts = inserts.compose(v -> bookingTypes().insert(t));
    }
    List<BookingType> expected = mine.stream().sorted(java.util.Comparator.comparing(BookingType::id)).toList();
    inserts.compose(v -> walk(page -> bookingTypes().listByProvider(provider, page), 3))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          assertThat(all).containsExactlyElementsOf(expected);
          ctx.completeNow();
        })));
  }

  /** Follows next cursors to the last page. */
  static <T> Future<List<T>> walk(Function<PageRequest, Future<Page<T>>> list, int limit) {
    return walk(list, limit, null, new ArrayList<>());
  }

  private static <T> Future<List<T>> walk(
      Function<PageRequest, Future<Page<T>>> list, int limit, String cursor, List<T> seen) {
    return list.apply(new PageRequest(cursor, limit)).compose(page -> {
      if (page.items().size() > limit) {
        return Future.failedFuture(new AssertionError("page larger than its limit"));
      }
      seen.addAll(page.items());
      if (page.nextCursor() == null) {
        return Future.succeededFuture(seen);
      }
      if (page.items().isEmpty() || page.nextCursor().equals(cursor)) {
        return Future.failedFuture(new AssertionError("pagination does not advance"));
      }
      return walk(list, limit, page.nextCursor(), seen);
    });
  }

  @Test
  @DisplayName("providers: the brand round-trips; logos are kept by hash per provider, and all but one can be deleted")
  default void providerBrandAndLogos(VertxTestContext ctx) throws java.io.IOException {
    Logo first = Logo.parse(png(40, 20));
    Logo second = Logo.parse(png(20, 40));
    Provider provider = new Provider(id("prov"), "Branded", "owner@example.com", ZoneId.of("UTC"),
        Instant.parse("2030-03-04T05:06:07Z")).withBrand(new Brand(BrandColour.parse("#1A6B4F"), second.ref(), "de"));
    String other = id("other");
    providers().insert(provider)
        .compose(v -> providers().putLogo(provider.id(), first))
        .compose(v -> providers().putLogo(provider.id(), second))
        .compose(v -> providers().putLogo(other, first))
        .compose(v -> providers().deleteLogosExcept(provider.id(), second.hash()))
        .compose(v -> Future.all(List.of(providers().findById(provider.id()),
            providers().findLogo(provider.id(), first.hash()), providers().findLogo(provider.id(), second.hash()),
            providers().findLogo(other, first.hash()))))
        .compose(found -> {
          ctx.verify(() -> {
            assertThat(found.<java.util.Optional<Provider>>resultAt(0)).contains(provider);
            assertThat(found.<java.util.Optional<Logo>>resultAt(1)).as("deleted").isEmpty();
            assertThat(found.<java.util.Optional<Logo>>resultAt(2).orElseThrow().bytes()).isEqualTo(second.bytes());
            assertThat(found.<java.util.Optional<Logo>>resultAt(3)).as("another provider's").isPresent();
          });
          return providers().deleteLogosExcept(provider.id(), null)
              .compose(v -> providers().findLogo(provider.id(), second.hash()));
        })
        .onComplete(ctx.succeeding(gone -> ctx.verify(() -> {
          assertThat(gone).isEmpty();
          ctx.completeNow();
        })));
  }

  private static byte[] png(int width, int height) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, height,
        java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
