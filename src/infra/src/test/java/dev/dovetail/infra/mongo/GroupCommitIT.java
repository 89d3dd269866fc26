package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store's group commit with many writers at once, through the real driver: writes share commits, and a
 * write is acknowledged only once a commit covering it is on disk, so a crash right after any acknowledgement loses
 * none of the acknowledged writes. (The crash is simulated in-process, as in {@link EmbeddedMongoIT}; the app module's
 * kill -9 tests kill a real hub.)
 */
@ExtendWith(VertxExtension.class)
@DisplayName("Group commit in the embedded store")
class GroupCommitIT {

  private static final int WRITERS = 300;

  @Test
  @DisplayName("300 concurrent writes all succeed, sharing fewer commits than writes, and are on disk after reopening")
  void concurrentWritesShareCommits(Vertx vertx, @TempDir Path dir) {
    List<Booking> written = bookings();
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync));
      long[] before = mongo.commitFigures();
      List<Future<Void>> writes = new ArrayList<>();
      for (Booking booking : written) {
        writes.add(store.bookings().insertAll(List.of(booking)));
      }
      await(Future.all(writes));
      long[] after = mongo.commitFigures();
      long requests = after[0] - before[0];
      long commits = after[1] - before[1];
      assertThat(requests).isGreaterThanOrEqualTo(WRITERS);
      assertThat(commits).isPositive().isLessThan(requests);
      await(store.close());
    }
    assertAllFound(vertx, dir, written);
  }

  @Test
  @DisplayName("a crash in the middle of 300 concurrent writes keeps every write acknowledged before it")
  void crashKeepsEveryAcknowledgedWrite(Vertx vertx, @TempDir Path dir) throws Exception {
    List<Booking> written = bookings();
    Set<Booking> acknowledged = ConcurrentHashMap.newKeySet();
    EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir);
    MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync));
    for (Booking booking : written) {
      store.bookings().insertAll(List.of(booking)).onSuccess(v -> acknowledged.add(booking));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < WRITERS / 3 && System.nanoTime() < deadline) {
      Thread.sleep(0, 200_000);
    }
    mongo.closeAbruptly(); // no clean shutdown: only finished commits are on disk; waiting writers fail
    Thread.sleep(300); // lets the callbacks of the commits finished before the crash run
    Set<Booking> found = Set.copyOf(acknowledged);
    store.close(); // not awaited: writes cut off by the crash may retry for a while

    assertThat(found).hasSizeGreaterThanOrEqualTo(WRITERS / 3);
    assertAllFound(vertx, dir, found);
  }

  private static List<Booking> bookings() {
    List<Booking> bookings = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      bookings.add(confirmed("prov-1", "room-" + i % 20, BASE.plusSeconds(1800L * i), 30));
    }
    return bookings;
  }

  private static void assertAllFound(Vertx vertx, Path dir, Iterable<Booking> expected) {
    try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, reopened.connectionString(), "dovetail", MongoStore.NO_COMMIT));
      for (Booking booking : expected) {
        assertThat(await(store.bookings().findById(booking.id()))).as(booking.id()).contains(booking);
      }
      await(store.close());
    }
  }
}
