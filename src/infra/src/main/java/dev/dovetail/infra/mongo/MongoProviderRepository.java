package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.ConflictException;
import dev.dovetail.booking.domain.NotFoundException;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.ProviderRepository;
import io.vertx.core.Future;
import java.util.Optional;

/** Providers in the {@code providers} collection, keyed by their public handle. */
public class MongoProviderRepository implements ProviderRepository {

  public static final String COLLECTION = "providers";

  private final KeyedCollection<Provider> providers;

  MongoProviderRepository(MongoSupport mongo) {
    this.providers = new KeyedCollection<>(mongo, COLLECTION, ProviderCodec::encode, ProviderCodec::decode,
        Provider::id);
  }

  @Override
  public Future<Void> insert(Provider provider) {
    return providers.insert(provider, () -> new ConflictException("provider handle is taken: " + provider.id()));
  }

  @Override
  public Future<Optional<Provider>> findById(String id) {
    return providers.findById(id);
  }

  @Override
  public Future<Void> update(Provider provider) {
    return providers.replace(provider, () -> new NotFoundException("provider", provider.id()));
  }
}
