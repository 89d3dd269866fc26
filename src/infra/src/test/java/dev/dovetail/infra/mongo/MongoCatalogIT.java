package dev.dovetail.infra.mongo;

import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.CatalogRepositoryContract;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("Mongo provider, resource and booking type repositories on the embedded server")
class MongoCatalogIT implements CatalogRepositoryContract {

  private MongoStore store;

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    MongoFixture.connect(vertx, MongoFixture.freshDatabase()).onComplete(ctx.succeeding(s -> {
      store = s;
      ctx.completeNow();
    }));
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    store.close().onComplete(ctx.succeedingThenComplete());
  }

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
}
