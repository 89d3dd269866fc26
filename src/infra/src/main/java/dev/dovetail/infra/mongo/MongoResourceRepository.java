package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.out.ResourceRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Resources and their availability rules in the {@code resources} collection, keyed by resource id. */
public class MongoResourceRepository implements ResourceRepository {

  public static final String COLLECTION = "resources";

  private final KeyedCollection<Resource> resources;

  /** A provider's resources in id order. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "provider_id",
        new JsonObject().put("providerId", 1).put("_id", 1)));
  }

  MongoResourceRepository(MongoSupport mongo) {
    this.resources = new KeyedCollection<>(mongo, COLLECTION, ResourceCodec::encode, ResourceCodec::decode,
        Resource::id);
  }

  @Override
  public Future<Void> insert(Resource resource) {
    return resources.insert(resource, () -> new ConflictException("resource id is taken: " + resource.id()));
  }

  @Override
  public Future<Void> update(Resource resource) {
    return resources.replace(resource, () -> new NotFoundException("resource", resource.id()));
  }

  @Override
  public Future<Optional<Resource>> findById(String id) {
    return resources.findById(id);
  }

  @Override
  public Future<Page<Resource>> listByProvider(String providerId, PageRequest page) {
    return resources.list(new JsonObject().put("providerId", providerId), page);
  }

  @Override
  public Future<Void> delete(String id) {
    return resources.retire(id);
  }
}
