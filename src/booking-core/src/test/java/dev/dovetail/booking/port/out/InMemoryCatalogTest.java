package dev.dovetail.booking.port.out;

import dev.dovetail.testkit.InMemoryCatalog;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("InMemoryCatalog honours the catalog repository contract")
class InMemoryCatalogTest implements CatalogRepositoryContract {

  private ProviderRepository providers;
  private ResourceRepository resources;
  private BookingTypeRepository types;

  @BeforeEach
  void setUp() {
    providers = new InMemoryCatalog.Providers();
    resources = new InMemoryCatalog.Resources();
    types = new InMemoryCatalog.BookingTypes();
  }

  @Override
  public ProviderRepository providers() {
    return providers;
  }

  @Override
  public ResourceRepository resources() {
    return resources;
  }

  @Override
  public BookingTypeRepository bookingTypes() {
    return types;
  }
}
