package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.NOW;
import static dev.dovetail.booking.port.out.ContractFixtures.bookingBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.ContractFixtures.credential;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.ContractFixtures.minutes;
import static dev.dovetail.booking.port.out.ContractFixtures.plainResource;
import static dev.dovetail.booking.port.out.ContractFixtures.richType;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.account.domain.Account;
import dev.dovetail.account.domain.Credential;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.domain.Resource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.IndexModel;
import io.vertx.ext.mongo.IndexOptions;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("MongoStore wiring: durability hook, write concern, health, retired indexes")
class MongoStoreIT {

  @Test
  @DisplayName("every write path awaits the commit hook before its future succeeds")
  void everyWriteCommitsBeforeItSucceeds(Vertx vertx) {
    AtomicInteger commits = new AtomicInteger();
    Executor later = CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS);
    MongoStore.Durability hook = () -> CompletableFuture.runAsync(commits::incrementAndGet, later);
    MongoStore store = await(MongoStore.connect(vertx, MongoFixture.server().connectionString(),
        MongoFixture.freshDatabase(), hook));
    String provider = id("prov");
    Booking booking = confirmed(provider, "room-1", BASE, 30);
    Resource resource = plainResource(id("res"), provider);
    Credential token = credential(provider, Credential.Kind.API_TOKEN);
    List<Supplier<Future<?>>> writes = new ArrayList<>(List.of(
        () -> store.schedules().update("room-1", s -> s.place(List.of(bookingBlock("b-1", minutes(0, 30))), NOW)),
        () -> store.schedules().update("room-1", s -> s.release("b-1", NOW)),
        () -> store.bookings().insertAll(List.of(booking)),
        () -> store.bookings().update(booking.withStatus(BookingStatus.CANCELLED, NOW)),
        () -> store.providers().insert(new Provider(provider, "P", "p@example.com", ZoneId.of("UTC"), NOW)),
        () -> store.resources().insert(resource),
        () -> store.resources().update(resource),
        () -> store.resources().delete(resource.id()),
        () -> store.bookingTypes().insert(richType("type-1", provider, resource.id())),
        () -> store.bookingTypes().update(richType("type-1", provider, resource.id())),
        () -> store.bookingTypes().delete("type-1"),
        () -> store.accounts().insert(new Account(id("user") + "@example.com", provider, "hash")),
        () -> store.credentials().insert(token),
        () -> store.credentials().delete(provider, token.id())));
    for (Supplier<Future<?>> write : writes) {
      int before = commits.get();
      await(write.get());
      assertThat(commits.get()).as("commits finished when a write succeeded").isGreaterThan(before);
    }
    await(store.close());
  }

  @Test
  @DisplayName("writes use majority write concern with journaling unless the URI sets its own")
  void writeConcernIsMajorityJournaled() {
    JsonObject config = MongoStore.clientConfig("mongodb://127.0.0.1:27017", "dovetail");
    assertThat(config.getString("w")).isEqualTo("majority");
    assertThat(config.getBoolean("j")).isTrue();
    JsonObject explicit = MongoStore.clientConfig("mongodb://127.0.0.1:27017/?w=1", "dovetail");
    assertThat(explicit.containsKey("w")).isFalse();
  }

  @Test
  @DisplayName("the unique indexes compare-and-sets needed before ADR 80 are dropped at start-up, the others kept")
  void retiredIndexesAreDropped(Vertx vertx, @TempDir Path dataDir) {
    String database = "dovetail";
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir)) {
      MongoClient raw = MongoClient.create(vertx, MongoStore.clientConfig(mongo.connectionString(), database));
      await(raw.createIndexes(MongoOutboxRepository.COLLECTION, List.of(
          new IndexModel(new JsonObject().put("_id", 1).put("state", 1).put("leaseOwner", 1),
              new IndexOptions().name("outcome").unique(true)))));
      await(raw.createIndexes(MongoBookingRepository.COLLECTION, List.of(
          new IndexModel(new JsonObject().put("_id", 1).put("revision", 1),
              new IndexOptions().name("revision").unique(true)))));
      await(raw.insert(MongoBookingRepository.COLLECTION, new JsonObject().put("_id", "b-1").put("revision", 3L)));
      assertThat(indexNames(raw, MongoOutboxRepository.COLLECTION)).contains("outcome");
      await(raw.close());

      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), database, MongoStore.NO_COMMIT));
      MongoClient check = MongoClient.create(vertx, MongoStore.clientConfig(mongo.connectionString(), database));
      assertThat(indexNames(check, MongoOutboxRepository.COLLECTION)).doesNotContain("outcome", "claim")
          .contains("_id_", "state_nextAttemptAt");
      assertThat(indexNames(check, MongoBookingRepository.COLLECTION)).doesNotContain("revision")
          .contains("_id_", "provider_start");
      JsonObject swapped = await(check.findOneAndUpdate(MongoBookingRepository.COLLECTION,
          new JsonObject().put("_id", "b-1").put("revision", 3L), new JsonObject().put("$set",
              new JsonObject().put("revision", 4L))));
      assertThat(swapped).as("a compare-and-set finds its document without the index").isNotNull();
      await(check.close());
      await(store.close());
    }
  }

  @Test
  @DisplayName("every booking's reads of its provider's sync connections and webhook endpoints, and the mirror "
      + "dispatcher's poll, have indexes on the embedded store on disk")
  void perBookingReadsAreIndexed(Vertx vertx, @TempDir Path dataDir) {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dataDir)) {
      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", MongoStore.NO_COMMIT));
      MongoClient check = MongoClient.create(vertx, MongoStore.clientConfig(mongo.connectionString(), "dovetail"));
      assertThat(indexNames(check, MongoSyncStore.CONNECTIONS)).contains("providerId");
      assertThat(indexNames(check, MongoWebhookEndpointRepository.COLLECTION)).contains("provider_createdAt");
      assertThat(indexNames(check, MongoSyncStore.MIRRORS)).contains("pending_nextAttemptAt", "connectionId");
      assertThat(indexNames(check, MongoSyncStore.STATES)).contains("connectionId");
      assertThat(indexNames(check, MongoSyncStore.CONFLICTS)).contains("providerId");
      await(check.close());
      await(store.close());
    }
  }

  private static List<String> indexNames(MongoClient client, String collection) {
    return await(client.listIndexes(collection)).stream().map(index -> ((JsonObject) index).getString("name"))
        .toList();
  }

  @Test
  @DisplayName("ping succeeds against a live server and fails once the server is gone")
  void pingReportsHealth(Vertx vertx) {
    EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    String uri = mongo.connectionString() + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500";
    MongoStore store = await(MongoStore.connect(vertx, uri, "dovetail", MongoStore.NO_COMMIT));
    await(store.ping());
    mongo.close();
    Throwable failure = await(store.ping().transform(ar -> Future.succeededFuture(ar.cause())));
    assertThat(failure).isNotNull();
    await(store.close());
  }
}
