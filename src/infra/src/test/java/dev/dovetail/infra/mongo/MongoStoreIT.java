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
import io.vertx.junit5.VertxExtension;
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

@ExtendWith(VertxExtension.class)
@DisplayName("MongoStore wiring: durability hook, write concern, health")
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
