package dev.dovetail.infra.mongo;

import dev.dovetail.account.domain.Credential;
import dev.dovetail.account.port.out.CredentialRepository;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** API tokens and app passwords in the {@code credentials} collection, keyed by credential id. */
public class MongoCredentialRepository implements CredentialRepository {

  public static final String COLLECTION = "credentials";

  private final KeyedCollection<Credential> credentials;

  /** A provider's credentials of one kind in id order. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "provider_kind_id",
        new JsonObject().put("providerId", 1).put("kind", 1).put("_id", 1)));
  }

  MongoCredentialRepository(MongoSupport mongo) {
    this.credentials = new KeyedCollection<>(mongo, COLLECTION, CredentialCodec::encode, CredentialCodec::decode,
        Credential::id);
  }

  @Override
  public Future<Void> insert(Credential credential) {
    return credentials.insert(credential, () -> new ConflictException("credential id exists"));
  }

  @Override
  public Future<Optional<Credential>> findById(String id) {
    return credentials.findById(id);
  }

  @Override
  public Future<Page<Credential>> listByProvider(String providerId, Credential.Kind kind, PageRequest page) {
    return credentials.list(new JsonObject().put("providerId", providerId).put("kind", kind.name()), page);
  }

  /** The filter names both the id and the provider, so one tenant can never delete another's credential. */
  @Override
  public Future<Boolean> delete(String providerId, String id) {
    return credentials.delete(MongoSupport.byId(id).put("providerId", providerId));
  }
}
