package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Logo;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.out.ProviderRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.Base64;
import java.util.Optional;

/**
 * Providers in the {@code providers} collection, keyed by their public handle; their logos in {@code provider_logos}
 * ({@code {_id: handle/hash, providerId, format, width, height, data: base64}}), apart so that reading a provider
 * never reads its image (ADR 57).
 */
public class MongoProviderRepository implements ProviderRepository {

  public static final String COLLECTION = "providers";
  public static final String LOGOS = "provider_logos";

  private final KeyedCollection<Provider> providers;

  private final MongoSupport mongo;

  MongoProviderRepository(MongoSupport mongo) {
    this.mongo = mongo;
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

  @Override
  public Future<Void> putLogo(String providerId, Logo logo) {
    JsonObject doc = new JsonObject().put("_id", providerId + "/" + logo.hash()).put("providerId", providerId)
        .put("format", logo.format().name()).put("width", logo.width()).put("height", logo.height())
        .put("data", Base64.getEncoder().encodeToString(logo.bytes()));
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(LOGOS, MongoSupport.byId(doc.getString("_id")), doc,
        new UpdateOptions().setUpsert(true)).<Void>mapEmpty());
  }

  @Override
  public Future<Optional<Logo>> findLogo(String providerId, String hash) {
    return mongo.findOne(LOGOS, MongoSupport.byId(providerId + "/" + hash),
        d -> Logo.parse(Base64.getDecoder().decode(d.getString("data"))));
  }

  @Override
  public Future<Void> deleteLogosExcept(String providerId, String keepHash) {
    JsonObject filter = new JsonObject().put("providerId", providerId);
    if (keepHash != null) {
      filter.put("_id", new JsonObject().put("$ne", providerId + "/" + keepHash));
    }
    return mongo.durable(mongo.client.removeDocuments(LOGOS, filter).<Void>mapEmpty());
  }
}
