package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.waitlist.domain.EntryStatus;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.List;
import java.util.Optional;

/**
 * Waitlist entries in {@code waitlist} (one document each, replaced only over the revision it was read at, {@link
 * CompareAndSet}) and per-type settings in {@code waitlistSettings}. Join order and the list cursor are (joinedAt, _id).
 */
public class MongoWaitlistRepository implements WaitlistRepository {

  public static final String COLLECTION = "waitlist";
  public static final String SETTINGS = "waitlistSettings";
  private static final JsonObject JOIN_ORDER = new JsonObject().put("joinedAt", 1).put("_id", 1);

  private final MongoSupport mongo;
  private final CompareAndSet revisions;

  /** The join order per resource and per provider, offers by expiry and booking. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "resource_status_joined", new JsonObject().put("resourceId", 1)
            .put("status", 1).put("joinedAt", 1).put("_id", 1)),
        StoreIndex.secondary(COLLECTION, "provider_joined",
            new JsonObject().put("providerId", 1).put("joinedAt", 1).put("_id", 1)),
        StoreIndex.secondary(COLLECTION, "status_expiresAt",
            new JsonObject().put("status", 1).put("offer.expiresAt", 1)),
        StoreIndex.secondary(COLLECTION, "offer_bookingId", new JsonObject().put("offer.bookingId", 1)),
        StoreIndex.secondary(COLLECTION, "bookingId", new JsonObject().put("bookingId", 1)));
  }

  MongoWaitlistRepository(MongoSupport mongo) {
    this.mongo = mongo;
    this.revisions = new CompareAndSet(mongo, COLLECTION, WaitlistCodec.LEGACY_REVISION);
  }

  @Override
  public Future<Void> insert(WaitlistEntry entry) {
    return mongo.insert(COLLECTION, WaitlistCodec.encode(entry),
        () -> new ConflictException("waitlist entry id exists: " + entry.id()));
  }

  @Override
  public Future<Void> update(WaitlistEntry entry) {
    return revisions.replaceOrFail(entry.id(), entry.revision() - 1, WaitlistCodec.encode(entry),
        "waitlist entry " + entry.id());
  }

  @Override
  public Future<Optional<WaitlistEntry>> findById(String id) {
    return mongo.findOne(COLLECTION, byId(id), WaitlistCodec::decode);
  }

  @Override
  public Future<List<WaitlistEntry>> findWaiting(String resourceId) {
    JsonObject filter = new JsonObject().put("resourceId", resourceId).put("status", EntryStatus.WAITING.name());
    return mongo.client.findWithOptions(COLLECTION, filter, new FindOptions().setSort(JOIN_ORDER))
        .map(docs -> docs.stream().map(WaitlistCodec::decode).toList());
  }

  @Override
  public Future<List<String>> resourcesWithWaiting() {
    return mongo.client.distinctWithQuery(COLLECTION, "resourceId", String.class.getName(),
            new JsonObject().put("status", EntryStatus.WAITING.name()))
        .map(ids -> ids.stream().map(String::valueOf).sorted().toList());
  }

  @Override
  public Future<List<WaitlistEntry>> findOffered(int limit) {
    FindOptions options = new FindOptions().setSort(new JsonObject().put("offer.expiresAt", 1)).setLimit(limit);
    return mongo.client.findWithOptions(COLLECTION, new JsonObject().put("status", EntryStatus.OFFERED.name()),
            options)
        .map(docs -> docs.stream().map(WaitlistCodec::decode).toList());
  }

  /**
   * The open offer holding the booking, else the entry that claimed it: two lookups, each served by its index. One
   * {@code $or} of the two is served by neither, and read every tenant's entries for each offer mail.
   */
  @Override
  public Future<Optional<WaitlistEntry>> findByOfferedBooking(String bookingId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("offer.bookingId", bookingId), WaitlistCodec::decode)
        .compose(offered -> offered.isPresent() ? Future.succeededFuture(offered)
            : mongo.findOne(COLLECTION, new JsonObject().put("bookingId", bookingId), WaitlistCodec::decode));
  }

  @Override
  public Future<Page<WaitlistEntry>> listByProvider(String providerId, String bookingTypeId, PageRequest page) {
    JsonObject filter = new JsonObject().put("providerId", providerId);
    if (bookingTypeId != null) {
      filter.put("bookingTypeId", bookingTypeId);
    }
    if (page.cursor() != null) {
      BookingCodec.Position after;
      try {
        after = BookingCodec.position(page.cursor());
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
      filter.put("$or", new JsonArray()
          .add(new JsonObject().put("joinedAt", new JsonObject().put("$gt", after.startMillis())))
          .add(new JsonObject().put("joinedAt", after.startMillis())
              .put("_id", new JsonObject().put("$gt", after.id()))));
    }
    FindOptions options = new FindOptions().setSort(JOIN_ORDER).setLimit(page.limit() + 1);
    return mongo.client.findWithOptions(COLLECTION, filter, options)
        .map(docs -> MongoSupport.page(docs, page.limit(), WaitlistCodec::decode, WaitlistCodec::cursor));
  }

  /** Served by the {@code provider_joined} index's prefix: the provider's entries, not every tenant's BOOKED ones. */
  @Override
  public Future<List<WaitlistEntry>> findBookedByBookings(String providerId, List<String> bookingIds) {
    if (bookingIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject filter = new JsonObject().put("providerId", providerId).put("status", EntryStatus.BOOKED.name())
        .put("bookingId", new JsonObject().put("$in", new JsonArray(List.copyOf(bookingIds))));
    return mongo.client.find(COLLECTION, filter).map(docs -> docs.stream().map(WaitlistCodec::decode).toList());
  }

  @Override
  public Future<List<Money>> recoveredValues(String providerId) {
    JsonObject filter = new JsonObject().put("providerId", providerId).put("status", EntryStatus.BOOKED.name());
    FindOptions options = new FindOptions().setFields(new JsonObject().put("recovered", 1));
    return mongo.client.findWithOptions(COLLECTION, filter, options)
        .map(docs -> docs.stream()
            .map(d -> d.getJsonObject("recovered"))
            .filter(r -> r != null)
            .map(r -> new Money(r.getLong("minorUnits"), r.getString("currency")))
            .toList());
  }

  @Override
  public Future<Optional<WaitlistSettings>> settings(String bookingTypeId) {
    return mongo.findOne(SETTINGS, byId(bookingTypeId), WaitlistCodec::decodeSettings);
  }

  @Override
  public Future<Void> saveSettings(WaitlistSettings settings) {
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(SETTINGS, byId(settings.bookingTypeId()),
        WaitlistCodec.encode(settings), new UpdateOptions().setUpsert(true))).mapEmpty();
  }
}
