package dev.dovetail.infra.mongo;

import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.booking.port.out.CatalogRepositoryContract;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.booking.port.out.ResourceRepository;
import org.junit.jupiter.api.DisplayName;

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
}
