package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.NOW;
import static dev.dovetail.booking.port.out.ContractFixtures.bookingBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.busyBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.holdBlock;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.ContractFixtures.minutes;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.booking.port.out.ScheduleRepositoryContract;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@DisplayName("MongoScheduleRepository on the embedded server with the real driver")
class MongoScheduleRepositoryIT implements ScheduleRepositoryContract {

  /** The rival writer runs on a Vert.x instance of its own, like another hub node. */
  private static Vertx rivalVertx;

  private MongoStore store;
  private MongoStore rival;
  private String database;
  private MutableClock clock;

  @BeforeAll
  static void startRivalNode() {
    rivalVertx = Vertx.vertx();
  }

  @AfterAll
  static void stopRivalNode() {
    await(rivalVertx.close());
  }

  @BeforeEach
  void connect(Vertx vertx, VertxTestContext ctx) {
    database = MongoFixture.freshDatabase();
    clock = new MutableClock(NOW);
    MongoFixture.connect(vertx, database, clock)
        .compose(s -> {
          store = s;
          return MongoFixture.connect(rivalVertx, database, clock);
        })
        .onComplete(ctx.succeeding(r -> {
          rival = r;
          ctx.completeNow();
        }));
  }

  @AfterEach
  void close(VertxTestContext ctx) {
    Future.join(store.close(), rival.close()).onComplete(ctx.succeedingThenComplete());
  }

  @Override
  public ScheduleRepository schedules() {
    return store.schedules();
  }

  @Override
  public MutableClock clock() {
    return clock;
  }

  @Override
  public ScheduleRepository rivalWriter() {
    return rival.schedules();
  }

  @Test
  @DisplayName("update: gives up with a ConflictException after the configured number of lost races")
  void updateGivesUpAfterMaxAttempts(Vertx vertx, VertxTestContext ctx) {
    String resource = id("res");
    AtomicInteger calls = new AtomicInteger();
    MongoStore.connect(vertx, MongoFixture.server().connectionString(), database, MongoStore.NO_COMMIT, 3,
            clock)
        .compose(impatient -> failureOf(impatient.schedules().update(resource, s -> {
          int call = calls.incrementAndGet();
          // Every time, another node writes between our read and our write.
          await(rival.schedules().update(resource,
              r -> r.place(List.of(busyBlock("rival-" + call, minutes(call * 100, call * 100 + 10))), NOW)));
          return s.place(List.of(bookingBlock("mine", minutes(0, 30))), NOW);
        })).compose(err -> impatient.close().map(err)))
        .compose(err -> {
          ctx.verify(() -> {
            assertThat(err).isInstanceOf(ConflictException.class).hasMessageContaining("try again");
            assertThat(calls.get()).isEqualTo(3);
          });
          return store.schedules().load(resource);
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded.blocks()).extracting(Block::ownerId).containsExactly("rival-1", "rival-2", "rival-3");
          assertThat(loaded.revision()).isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("documents: a head per resource with its revision; the blocks, with sortable epoch-millisecond "
      + "instants, pending in the head until the next write files them under their UTC day")
  void scheduleDocumentShape(VertxTestContext ctx) {
    String resource = id("res");
    Block hold = holdBlock("hold-1", minutes(0, 30), Duration.ofMinutes(5), Duration.ZERO);
    store.schedules().update(resource, s -> s.place(List.of(hold), NOW))
        .compose(v -> store.client().findOne(MongoScheduleRepository.COLLECTION,
            new JsonObject().put("_id", resource), null))
        .compose(head -> {
          ctx.verify(() -> {
            assertThat(head.getLong("revision")).isEqualTo(1L);
            assertThat(head.containsKey("blocks")).isFalse();
            JsonObject pending = head.getJsonArray("pending").getJsonObject(0);
            assertThat(pending.getString("key")).isEqualTo(ScheduleCodec.day(hold));
          });
          return store.schedules().update(resource, s -> s.release("nobody", NOW));
        })
        .compose(v -> store.client().findOne(MongoScheduleRepository.DAYS,
            new JsonObject().put("_id", resource + "/" + ScheduleCodec.day(hold)), null))
        .onComplete(ctx.succeeding(doc -> ctx.verify(() -> {
          assertThat(doc.getLong("rev")).isEqualTo(1L);
          JsonObject block = doc.getJsonObject("body").getJsonArray("blocks").getJsonObject(0);
          assertThat(block.getString("owner")).isEqualTo("hold-1");
          assertThat(block.getString("kind")).isEqualTo("BOOKING");
          assertThat(block.getValue("from")).isEqualTo(hold.booked().start().toEpochMilli());
          assertThat(block.getValue("spanFrom")).isEqualTo(hold.span().start().toEpochMilli());
          assertThat(block.getValue("expires")).isEqualTo(hold.expiresAt().toEpochMilli());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("a day part written by two nodes in turn: each node's next filing tries the rev it stored itself, a "
      + "refused try reads the stored one, and the part ends with every block")
  void dayPartFiledByTwoNodesInTurn(Vertx vertx) {
    String resource = id("res");
    List<ScheduleRepository> writers = List.of(store.schedules(), rival.schedules());
    for (int i = 0; i < 6; i++) {
      int at = i * 60;
      await(writers.get(i % 2).update(resource, s -> s.place(List.of(busyBlock("b" + at, minutes(at, at + 30))), NOW)));
      await(writers.get(i % 2).durable());
    }
    // one more write on each node files what the other left pending
    await(store.schedules().update(resource, s -> s.release("nobody", NOW)));
    await(rival.schedules().update(resource, s -> s.release("nobody", NOW)));
    String day = ScheduleCodec.day(busyBlock("b0", minutes(0, 30)));
    JsonObject part = await(store.client().findOne(MongoScheduleRepository.DAYS,
        new JsonObject().put("_id", resource + "/" + day), null));
    assertThat(part.getJsonObject("body").getJsonArray("blocks")).hasSize(6);
    MongoStore cold = await(MongoFixture.connect(vertx, database, clock));
    assertThat(await(cold.schedules().load(resource)).blocks()).extracting(Block::ownerId)
        .containsExactlyInAnyOrder("b0", "b60", "b120", "b180", "b240", "b300");
    await(cold.close());
  }

  @Test
  @DisplayName("start-up marks heads stored before ADR 82 (no mark at all) for the janitor's next sweep")
  void olderHeadsAreMarkedAtStartUp() {
    String older = id("res");
    String swept = id("res");
    await(store.schedules().update(older, s -> s.place(List.of(busyBlock("x", minutes(0, 60))), NOW)));
    await(store.schedules().update(swept, s -> s.place(List.of(busyBlock("y", minutes(0, 60))), NOW)));
    await(store.client().updateCollection(MongoScheduleRepository.COLLECTION, new JsonObject().put("_id", older),
        new JsonObject().put("$unset", new JsonObject().put(MongoScheduleRepository.UNSWEPT, "")
            .put(MongoScheduleRepository.CHANGED_AT, ""))));
    ScheduleRepository.Unswept sweptSeen = await(store.schedules().unswept()).stream()
        .filter(u -> u.resourceId().equals(swept)).findFirst().orElseThrow();
    assertThat(await(store.schedules().markSwept(sweptSeen))).isTrue();
    assertThat(await(store.schedules().unswept())).isEmpty();

    await(((MongoScheduleRepository) store.schedules()).migrate());

    assertThat(await(store.schedules().unswept())).singleElement().satisfies(u -> {
      assertThat(u.resourceId()).isEqualTo(older);
      assertThat(u.changedAt()).isEqualTo(java.time.Instant.EPOCH);
    });
  }
}
