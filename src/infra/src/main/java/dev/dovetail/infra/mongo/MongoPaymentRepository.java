package dev.dovetail.infra.mongo;

import static dev.dovetail.infra.mongo.MongoSupport.byId;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.FindOptions;
import io.vertx.ext.mongo.UpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Payments in {@code payments} (one document per booking, {@code _id} = booking id, replaced only over the revision
 * it was read at, {@link CompareAndSet}) and payment settings in {@code paymentSettings} ({@code _id} = booking type
 * id).
 */
public class MongoPaymentRepository implements PaymentRepository {

  public static final String COLLECTION = "payments";
  public static final String SETTINGS = "paymentSettings";

  private final MongoSupport mongo;
  private final CompareAndSet revisions;

  /** Payments by intent (webhooks) and the owed-work sweep. */
  static List<StoreIndex> indexes() {
    return List.of(StoreIndex.secondary(COLLECTION, "intentId", new JsonObject().put("intentId", 1)),
        StoreIndex.secondary(COLLECTION, "owed", new JsonObject().put("owed", 1)));
  }

  MongoPaymentRepository(MongoSupport mongo) {
    this.mongo = mongo;
    this.revisions = new CompareAndSet(mongo, COLLECTION, PaymentCodec.LEGACY_REVISION);
  }

  @Override
  public Future<Void> insert(Payment payment) {
    return mongo.insert(COLLECTION, PaymentCodec.encode(payment),
        () -> new ConflictException("booking " + payment.bookingId() + " already has a payment"));
  }

  @Override
  public Future<Void> update(Payment payment) {
    return revisions.replaceOrFail(payment.bookingId(), payment.revision() - 1, PaymentCodec.encode(payment),
        "payment of " + payment.bookingId());
  }

  @Override
  public Future<Optional<Payment>> find(String bookingId) {
    return mongo.findOne(COLLECTION, byId(bookingId), PaymentCodec::decode);
  }

  @Override
  public Future<Optional<Payment>> findByIntent(String intentId) {
    return mongo.findOne(COLLECTION, new JsonObject().put("intentId", intentId), PaymentCodec::decode);
  }

  @Override
  public Future<List<Payment>> findByBookings(List<String> bookingIds) {
    if (bookingIds.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    JsonObject filter = new JsonObject().put("_id", new JsonObject().put("$in", new JsonArray(List.copyOf(bookingIds))));
    return mongo.client.find(COLLECTION, filter).map(docs -> docs.stream().map(PaymentCodec::decode).toList());
  }

  /**
   * One equality query per kind of owed work, which the {@code owed} index serves, taken in turns up to {@code limit}
   * (so no kind of work waits behind another's backlog). A single {@code owed: {$ne: NOTHING}} is served by no index,
   * so the sweep, every 30 s on every node, read every payment ever made.
   */
  @Override
  public Future<List<Payment>> findOwed(int limit) {
    List<Future<List<JsonObject>>> kinds = Stream.of(Owed.values()).filter(work -> work != Owed.NOTHING)
        .map(work -> mongo.client.findWithOptions(COLLECTION, new JsonObject().put("owed", work.name()),
            new FindOptions().setLimit(limit)))
        .toList();
    return Future.all(kinds).map(done -> {
      List<Payment> owed = new ArrayList<>();
      for (int i = 0; owed.size() < limit; i++) {
        boolean more = false;
        for (Future<List<JsonObject>> kind : kinds) {
          if (i < kind.result().size() && owed.size() < limit) {
            owed.add(PaymentCodec.decode(kind.result().get(i)));
            more = true;
          }
        }
        if (!more) {
          break;
        }
      }
      return owed;
    });
  }

  @Override
  public Future<Optional<PaymentSettings>> settings(String bookingTypeId) {
    return mongo.findOne(SETTINGS, byId(bookingTypeId), PaymentCodec::decodeSettings);
  }

  @Override
  public Future<Void> saveSettings(PaymentSettings settings) {
    return mongo.durable(mongo.client.replaceDocumentsWithOptions(SETTINGS, byId(settings.bookingTypeId()),
        PaymentCodec.encode(settings), new UpdateOptions().setUpsert(true))).mapEmpty();
  }
}
