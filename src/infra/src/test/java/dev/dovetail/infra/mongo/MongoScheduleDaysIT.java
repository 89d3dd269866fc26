package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.NOW;
import static dev.dovetail.booking.port.out.ContractFixtures.bookingBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.busyBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The schedule as a head plus one document per UTC day (ADR 47), read and written by two nodes with their own caches. */
@ExtendWith(VertxExtension.class)
@DisplayName("Schedules stored as a head and one document per day")
class MongoScheduleDaysIT {

  private String database;
  private MongoStore node1;
  private MongoStore node2;
  private Vertx vertx;

  @BeforeEach
  void connect(Vertx vertx) {
    this.vertx = vertx;
    database = MongoFixture.freshDatabase();
    node1 = await(MongoFixture.connect(vertx, database));
    node2 = await(MongoFixture.connect(vertx, database));
  }

  @AfterEach
  void close() {
    await(node1.close());
    await(node2.close());
  }

  private static TimeRange hours(int fromHour, int toHour) {
    return new TimeRange(NOW.plus(Duration.ofHours(fromHour)), NOW.plus(Duration.ofHours(toHour)));
  }

  @Test
  @DisplayName("32 writers on two nodes race for one hour spanning midnight: exactly one block is stored")
  void racersOnTwoNodes() {
    String resource = id("res");
    await(node1.schedules().update(resource, s -> s.place(List.of(busyBlock("warm", hours(100, 101))), NOW)));
    await(node2.schedules().load(resource));
    List<Future<Schedule>> racers = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      MongoStore node = i % 2 == 0 ? node1 : node2;
      Block block = bookingBlock("racer-" + i, hours(23 + i % 2, 25 + i % 2));
      racers.add(node.schedules().update(resource, s -> s.place(List.of(block), NOW)));
    }
    long won = racers.stream().filter(f -> {
      try {
        await(f);
        return true;
      } catch (RuntimeException refused) {
        return false;
      }
    }).count();
    assertThat(won).isEqualTo(1);
    Schedule one = await(node1.schedules().load(resource));
    Schedule two = await(node2.schedules().load(resource));
    assertThat(one.blocks()).hasSize(2).isEqualTo(two.blocks());
  }

  private List<JsonObject> days(String resource) {
    return await(node1.client().find(MongoScheduleRepository.DAYS, new JsonObject().put("owner", resource)));
  }

  @Test
  @DisplayName("releasing the last block of a day removes that day's document")
  void emptyDayIsRemoved() {
    String resource = id("res");
    await(node1.schedules().update(resource, s -> s.place(List.of(bookingBlock("a", hours(48, 49))), NOW)));
    await(node1.schedules().update(resource, s -> s.release("a", NOW)));
    await(node2.schedules().update(resource, s -> s.place(List.of(bookingBlock("b", hours(2, 3))), NOW)));
    // Node 2 filed the release (a's day removed) before its commit, and files b's day just after it.
    long deadline = System.nanoTime() + 10_000_000_000L;
    List<JsonObject> days = days(resource);
    while (days.size() != 1 && System.nanoTime() < deadline) {
      days = days(resource);
    }
    assertThat(days).singleElement().extracting(d -> d.getString("key"))
        .isEqualTo(LocalDate.ofInstant(hours(2, 3).start(), ZoneOffset.UTC).toString());
    assertThat(await(node1.schedules().load(resource)).blocks()).extracting(Block::ownerId).containsExactly("b");
  }

  @Test
  @DisplayName("start-up moves a schedule stored as one document to one document per day, revision kept")
  void migratesOneDocumentSchedules() {
    String resource = id("res");
    List<Block> blocks = List.of(bookingBlock("a", hours(1, 2)), busyBlock("b", hours(30, 31)));
    await(node1.client().insert(MongoScheduleRepository.COLLECTION, new JsonObject().put("_id", resource)
        .put("revision", 7L).put("blocks", ScheduleCodec.encodeBlocks(blocks))));
    MongoStore restarted = await(MongoFixture.connect(vertx, database));
    try {
      Schedule migrated = await(restarted.schedules().load(resource));
      assertThat(migrated.revision()).isEqualTo(7);
      assertThat(migrated.blocks()).containsExactlyInAnyOrderElementsOf(blocks);
      assertThat(await(restarted.client().findOne(MongoScheduleRepository.COLLECTION,
          new JsonObject().put("_id", resource), null)).containsKey("blocks")).isFalse();
      Schedule next = await(restarted.schedules().update(resource,
          s -> s.place(List.of(bookingBlock("c", hours(5, 6))), NOW)));
      assertThat(next.revision()).isEqualTo(8);
      assertThat(next.blocks()).hasSize(3);
    } finally {
      await(restarted.close());
    }
  }
}
