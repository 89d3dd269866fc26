package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.NOW;
import static dev.dovetail.booking.port.out.ContractFixtures.bookingBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.ContractFixtures.minutes;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Schedule;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store on disk. A real {@code kill -9} of the whole hub is tested in the app module; here the crash is
 * simulated in-process by dropping the MVStore without letting it write anything still pending.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("EmbeddedMongo on disk keeps every acknowledged write")
class EmbeddedMongoIT {

  @Test
  @DisplayName("a write acknowledged through MongoStore survives a crash of the store right after the ack")
  void acknowledgedWriteSurvivesAbruptClose(Vertx vertx, @TempDir Path dir) {
    Booking booking = confirmed("prov-1", "room-1", BASE, 30);
    Block block = bookingBlock(booking.id(), booking.time());

    EmbeddedMongo first = EmbeddedMongo.onDisk(dir);
    MongoStore store = await(MongoStore.connect(vertx, first.connectionString(), "dovetail", first::commitAsync));
    await(store.schedules().update("room-1", s -> s.place(List.of(block), NOW)));
    await(store.bookings().insertAll(List.of(booking)));
    first.closeAbruptly(); // no clean shutdown: only what commit() wrote is on disk
    await(store.close());

    EmbeddedMongo second = EmbeddedMongo.onDisk(dir);
    try {
      MongoStore reopened = await(MongoStore.connect(vertx, second.connectionString(), "dovetail", second::commitAsync));
      Schedule schedule = await(reopened.schedules().load("room-1"));
      Optional<Booking> found = await(reopened.bookings().findById(booking.id()));
      await(reopened.close());
      assertThat(schedule.blocks()).containsExactly(block);
      assertThat(schedule.revision()).isEqualTo(1);
      assertThat(found).contains(booking);
    } finally {
      second.close();
    }
  }

  @Test
  @DisplayName("data survives a clean close and reopen on the same directory, on a new port")
  void dataSurvivesCleanRestart(Vertx vertx, @TempDir Path dir) {
    Booking booking = confirmed("prov-1", "room-1", BASE, 30);
    try (EmbeddedMongo first = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, first.connectionString(), "dovetail", first::commitAsync));
      await(store.bookings().insertAll(List.of(booking)));
      await(store.close());
    }
    assertThat(dir.resolve(EmbeddedMongo.FILE_NAME)).exists();
    try (EmbeddedMongo second = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, second.connectionString(), "dovetail", second::commitAsync));
      assertThat(await(store.bookings().findById(booking.id()))).contains(booking);
      await(store.close());
    }
  }

  @Test
  @DisplayName("commit leaves nothing unsaved; concurrent commits all return")
  void commitWritesEverythingPending(Vertx vertx, @TempDir Path dir) throws Exception {
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", MongoStore.NO_COMMIT));
      for (int i = 0; i < 5; i++) {
        int slot = i;
        await(store.schedules().update("room-" + i, s -> s.place(List.of(bookingBlock("b" + slot, minutes(0, 30))),
            NOW)));
      }
      Thread[] committers = new Thread[8];
      for (int i = 0; i < committers.length; i++) {
        committers[i] = new Thread(mongo::commitAsync);
        committers[i].start();
      }
      for (Thread t : committers) {
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
      }
      await(store.close());
    }
  }

  @Test
  @DisplayName("connectionString names a loopback port; the directory is created; a second store on it is refused")
  void startsOnLoopbackAndLocksItsFile(@TempDir Path dir) {
    Path data = dir.resolve("nested/data");
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(data)) {
      assertThat(mongo.connectionString()).matches("mongodb://127\\.0\\.0\\.1:\\d+");
      assertThat(mongo.isOnDisk()).isTrue();
      assertThat(Files.isDirectory(data)).isTrue();
      assertThatThrownBy(() -> EmbeddedMongo.onDisk(data)).isInstanceOf(RuntimeException.class);
    }
  }

  @Test
  @DisplayName("in memory: commit is a no-op and the server answers")
  void inMemoryServerAnswers(Vertx vertx) {
    try (EmbeddedMongo mongo = EmbeddedMongo.inMemory()) {
      mongo.commit();
      assertThat(mongo.isOnDisk()).isFalse();
      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync));
      await(store.ping());
      await(store.close());
    }
  }
}
