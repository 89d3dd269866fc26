package dev.dovetail.infra.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Brand;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.CatalogRepositoryContract;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mongo provider, resource and booking type repositories on the embedded server")
class MongoCatalogIT extends StoreIT implements CatalogRepositoryContract {

  @Override
  public ProviderRepository providers() {
    return store.providers();
  }

  @Override
  public ResourceRepository resources() {
    return store.resources();
  }

  @Override
  public BookingTypeRepository bookingTypes() {
    return store.bookingTypes();
  }

  @Test
  @DisplayName("a provider stored before branding (no embedOrigins, brandColour, language or logo) reads as the hub's "
      + "look, English, no logo (ADR 57)")
  void providerStoredBeforeBranding(VertxTestContext ctx) {
    store.client().insert(MongoProviderRepository.COLLECTION, new JsonObject().put("_id", "old-provider")
            .put("displayName", "Old Studio").put("email", "old@example.com").put("zone", "Europe/Berlin")
            .put("createdAt", 1_700_000_000_000L))
        .compose(id -> store.providers().findById("old-provider"))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.orElseThrow().brand()).isEqualTo(Brand.none());
          assertThat(found.orElseThrow().displayName()).isEqualTo("Old Studio");
          ctx.completeNow();
        })));
  }
}
