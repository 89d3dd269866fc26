package dev.dovetail.infra.mongo;

import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.BookingTypeRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** Booking types in the {@code bookingTypes} collection, keyed by booking type id. */
public class MongoBookingTypeRepository implements BookingTypeRepository {

  public static final String COLLECTION = "bookingTypes";

  private final KeyedCollection<BookingType> types;

  /** A provider's booking types in id order. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "provider_id",
        new JsonObject().put("providerId", 1).put("_id", 1)));
  }

  MongoBookingTypeRepository(MongoSupport mongo) {
    this.types = new KeyedCollection<>(mongo, COLLECTION, BookingTypeCodec::encode, BookingTypeCodec::decode,
        BookingType::id);
  }

  @Override
  public Future<Void> insert(BookingType type) {
    return types.insert(type, () -> new ConflictException("booking type id is taken: " + type.id()));
  }

  @Override
  public Future<Void> update(BookingType type) {
    return types.replace(type, () -> new NotFoundException("booking type", type.id()));
  }

  @Override
  public Future<Optional<BookingType>> findById(String id) {
    return types.findById(id);
  }

  @Override
  public Future<Page<BookingType>> listByProvider(String providerId, PageRequest page) {
    return types.list(new JsonObject().put("providerId", providerId), page);
  }

  @Override
  public Future<Void> delete(String id) {
    return types.retire(id);
  }
}
