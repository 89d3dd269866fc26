package dev.dovetail.booking.port.out;

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
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.MutableClock;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every {@link ScheduleRepository} must do: whole-schedule compare-and-set, refusals passed through, and above
 * all the store-level guard: no overlap can be stored, even by writers racing without the resource lock.
 */
@ExtendWith(VertxExtension.class)
public interface ScheduleRepositoryContract {

  ScheduleRepository schedules();

  /** The clock the repository stamps its janitor marks with (ADR 82), starting at {@code ContractFixtures.NOW}. */
  MutableClock clock();

  /**
   * A second writer to the same store, as another hub node would be. It must not depend on the thread that runs the
   * change function of {@link #schedules()} (for an asynchronous store: another event loop), because the race tests
   * wait for it from inside a change function.
   */
  default ScheduleRepository rivalWriter() {
    return schedules();
  }

  @Test
  @DisplayName("load: a resource that never had a block has an empty schedule at revision 0")
  default void loadReturnsEmptyScheduleForUnknownResource(VertxTestContext ctx) {
    String resource = id("res");
    schedules().load(resource).onComplete(ctx.succeeding(s -> ctx.verify(() -> {
      assertThat(s.resourceId()).isEqualTo(resource);
      assertThat(s.revision()).isZero();
      assertThat(s.blocks()).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("update: each write stores the whole schedule and advances the revision by one")
  default void updatePlacesBlocksAndAdvancesRevision(VertxTestContext ctx) {
    String resource = id("res");
    Block a = bookingBlock("a-1", minutes(0, 30));
    Block b = bookingBlock("b-1", minutes(30, 60));
    schedules().update(resource, s -> s.place(List.of(a), NOW))
        .compose(first -> {
          ctx.verify(() -> assertThat(first.revision()).isEqualTo(1));
          return schedules().update(resource, s -> s.place(List.of(b), NOW));
        })
        .compose(second -> {
          ctx.verify(() -> assertThat(second.revision()).isEqualTo(2));
          return schedules().load(resource);
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded.revision()).isEqualTo(2);
          assertThat(loaded.blocks()).containsExactly(a, b);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: every field of every kind of block reads back exactly")
  default void updateStoresEveryBlockFieldExactly(VertxTestContext ctx) {
    String resource = id("res");
    List<Block> blocks = List.of(
        bookingBlock("booking-1", minutes(0, 30)),
        holdBlock("hold-1", minutes(60, 90), Duration.ofMinutes(5), Duration.ofMinutes(10)),
        busyBlock("busy-1", minutes(120, 180)),
        busyBlock("busy-2", minutes(150, 200)));
    schedules().update(resource, s -> s.place(blocks, NOW))
        .compose(stored -> schedules().load(resource).map(loaded -> List.of(stored, loaded)))
        .onComplete(ctx.succeeding(both -> ctx.verify(() -> {
          assertThat(both.get(0).blocks()).containsExactlyInAnyOrderElementsOf(blocks);
          assertThat(both.get(1).blocks()).containsExactlyInAnyOrderElementsOf(blocks);
          assertThat(both.get(1).revision()).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: an overlapping block is refused and the stored schedule stays as it was")
  default void updateRefusesOverlapAndKeepsStoredSchedule(VertxTestContext ctx) {
    String resource = id("res");
    Block a = bookingBlock("a-1", minutes(0, 60));
    schedules().update(resource, s -> s.place(List.of(a), NOW))
        .compose(v -> failureOf(schedules().update(resource,
            s -> s.place(List.of(bookingBlock("b-1", minutes(59, 90))), NOW))))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(SlotUnavailableException.class));
          return schedules().load(resource);
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded.blocks()).containsExactly(a);
          assertThat(loaded.revision()).isEqualTo(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: fails with exactly the exception the change threw, and writes nothing")
  default void updateFailsWithTheChangesExceptionAndWritesNothing(VertxTestContext ctx) {
    String resource = id("res");
    ConflictException refusal = new ConflictException("not today");
    failureOf(schedules().update(resource, s -> {
      throw refusal;
    }))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isSameAs(refusal));
          return schedules().load(resource);
        })
        .compose(loaded -> {
          ctx.verify(() -> assertThat(loaded.revision()).isZero());
          return schedules().unswept();
        })
        .onComplete(ctx.succeeding(marked -> ctx.verify(() -> {
          assertThat(marked).extracting(ScheduleRepository.Unswept::resourceId).doesNotContain(resource);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: a released block frees its time for the next booking")
  default void updateReleaseFreesTheTime(VertxTestContext ctx) {
    String resource = id("res");
    Block c = bookingBlock("c-1", minutes(10, 40));
    schedules().update(resource, s -> s.place(List.of(bookingBlock("a-1", minutes(0, 60))), NOW))
        .compose(v -> schedules().update(resource, s -> s.release("a-1", NOW)))
        .compose(v -> schedules().update(resource, s -> s.place(List.of(c), NOW)))
        .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
          assertThat(stored.blocks()).containsExactly(c);
          assertThat(stored.revision()).isEqualTo(3);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: after losing a race it re-applies the change to the winner's schedule")
  default void updateRetriesLostRaceOnFreshSchedule(VertxTestContext ctx) {
    String resource = id("res");
    Block rival = busyBlock("rival-1", minutes(100, 130));
    Block mine = bookingBlock("mine-1", minutes(0, 30));
    AtomicInteger calls = new AtomicInteger();
    schedules().update(resource, s -> {
      if (calls.incrementAndGet() == 1) {
        // Another writer commits between our read and our write.
        await(rivalWriter().update(resource, r -> r.place(List.of(rival), NOW)));
      }
      return s.place(List.of(mine), NOW);
    })
        .compose(stored -> {
          ctx.verify(() -> {
            assertThat(calls.get()).isEqualTo(2);
            assertThat(stored.revision()).isEqualTo(2);
          });
          return schedules().load(resource);
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded.blocks()).containsExactly(mine, rival);
          assertThat(loaded.revision()).isEqualTo(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: a writer that lost the race for the same time is refused on its retry")
  default void updateRefusesAfterLosingRaceForSameTime(VertxTestContext ctx) {
    String resource = id("res");
    Block winner = bookingBlock("winner-1", minutes(0, 30));
    AtomicInteger calls = new AtomicInteger();
    failureOf(schedules().update(resource, s -> {
      if (calls.incrementAndGet() == 1) {
        await(rivalWriter().update(resource, r -> r.place(List.of(winner), NOW)));
      }
      return s.place(List.of(bookingBlock("loser-1", minutes(15, 45))), NOW);
    }))
        .compose(err -> {
          ctx.verify(() -> {
            assertThat(err).isInstanceOf(SlotUnavailableException.class);
            assertThat(calls.get()).isEqualTo(2);
          });
          return schedules().load(resource);
        })
        .onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
          assertThat(loaded.blocks()).containsExactly(winner);
          ctx.completeNow();
        })));
  }

  /**
   * The store guard without the lock: in each round, 32 threads race to place the same interval straight through
   * the repository while each also places an interval of its own. Exactly one contested block per round may be
   * stored, all the others must be refused as overlaps, and no uncontested block may be lost.
   */
  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  @DisplayName("store guard: 32 threads racing without the lock never store an overlap and lose no other write")
  default void updateRefusesOverlapEvenWithoutLock(VertxTestContext ctx) throws Exception {
    int threads = 32;
    int rounds = 4;
    String resource = id("res");
    Set<String> expectedOwn = Collections.synchronizedSet(new HashSet<>());
    List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger successes = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        TimeRange contested = minutes(round * 1000, round * 1000 + 30);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<List<Future<Schedule>>>> submitted = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String contender = "r" + round + "-t" + t;
          TimeRange own = minutes(round * 1000 + 100 + t * 10, round * 1000 + 110 + t * 10);
          expectedOwn.add("own-" + contender);
          submitted.add(pool.submit(() -> {
            start.await();
            return List.of(
                schedules().update(resource, s -> s.place(List.of(bookingBlock("contested-" + contender, contested)),
                    NOW)),
                schedules().update(resource, s -> s.place(List.of(bookingBlock("own-" + contender, own)), NOW)));
          }));
        }
        start.countDown();
        List<Future<Schedule>> writes = new ArrayList<>();
        for (var f : submitted) {
          writes.addAll(f.get(30, TimeUnit.SECONDS));
        }
        await(Future.join(writes).transform(ar -> Future.succeededFuture()));
        for (Future<Schedule> w : writes) {
          if (w.succeeded()) {
            successes.incrementAndGet();
          } else if (!(w.cause() instanceof SlotUnavailableException)) {
            unexpected.add(w.cause());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    schedules().load(resource).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertThat(unexpected).isEmpty();
      List<Block> contestedStored = loaded.blocks().stream().filter(b -> b.ownerId().startsWith("contested-")).toList();
      assertThat(contestedStored).hasSize(rounds);
      for (int round = 0; round < rounds; round++) {
        String prefix = "contested-r" + round + "-";
        assertThat(contestedStored.stream().filter(b -> b.ownerId().startsWith(prefix))).hasSize(1);
      }
      assertThat(loaded.blocks().stream().map(Block::ownerId).filter(o -> o.startsWith("own-")))
          .containsExactlyInAnyOrderElementsOf(expectedOwn);
      assertThat(successes.get()).isEqualTo(rounds * (threads + 1));
      assertThat(loaded.revision()).isEqualTo(successes.get());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("update: concurrent non-overlapping writes are all stored, each at its own revision")
  default void concurrentNonOverlappingUpdatesAreAllStored(VertxTestContext ctx) {
    String resource = id("res");
    int writers = 40;
    List<Future<Schedule>> writes = new ArrayList<>();
    for (int i = 0; i < writers; i++) {
      Block block = bookingBlock("w-" + i, minutes(i * 30, i * 30 + 30));
      writes.add(schedules().update(resource, s -> s.place(List.of(block), NOW)));
    }
    Future.all(writes).compose(all -> schedules().load(resource)).onComplete(ctx.succeeding(loaded -> ctx.verify(() -> {
      assertThat(loaded.blocks()).hasSize(writers);
      assertThat(loaded.revision()).isEqualTo(writers);
      assertThat(writes.stream().map(w -> w.result().revision()))
          .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, writers).boxed().toList());
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("unswept: every write marks its resource at the store's time; swept, it is listed again after a write")
  default void writesMarkTheirResourceForTheJanitor() {
    String resource = id("res");
    await(schedules().update(resource, s -> s.place(List.of(bookingBlock("a-1", minutes(0, 30))), NOW)));
    ScheduleRepository.Unswept seen = unsweptOf(resource);
    assertThat(seen.revision()).isEqualTo(1);
    assertThat(seen.changedAt()).isEqualTo(clock().instant());

    assertThat(await(schedules().markSwept(seen))).isTrue();
    assertThat(unsweptIds()).doesNotContain(resource);

    clock().advance(Duration.ofMinutes(1));
    await(schedules().update(resource, s -> s.release("a-1", NOW)));
    assertThat(unsweptOf(resource).changedAt()).isEqualTo(clock().instant());
  }

  @Test
  @DisplayName("markSwept: refused after a write or a mark since the janitor looked; the resource stays listed")
  default void markSweptIsRefusedAfterAWriteOrAMark() {
    String resource = id("res");
    await(schedules().update(resource, s -> s.place(List.of(bookingBlock("a-1", minutes(0, 30))), NOW)));
    ScheduleRepository.Unswept beforeWrite = unsweptOf(resource);
    await(schedules().update(resource, s -> s.place(List.of(bookingBlock("b-1", minutes(30, 60))), NOW)));
    assertThat(await(schedules().markSwept(beforeWrite))).isFalse();

    ScheduleRepository.Unswept beforeMark = unsweptOf(resource);
    clock().advance(Duration.ofMinutes(1));
    await(schedules().markUnswept(resource));
    assertThat(await(schedules().markSwept(beforeMark))).isFalse();
    assertThat(unsweptIds()).contains(resource);

    ScheduleRepository.Unswept afterMark = unsweptOf(resource);
    assertThat(afterMark.changedAt()).isEqualTo(clock().instant());
    assertThat(await(schedules().markSwept(afterMark))).isTrue();
    assertThat(await(schedules().markSwept(afterMark))).isFalse();
  }

  @Test
  @DisplayName("markUnswept: marks a swept schedule without changing it; a resource without one stays unlisted")
  default void markUnsweptLeavesTheScheduleAsItIs() {
    String resource = id("res");
    String never = id("res");
    Schedule written = await(schedules().update(resource,
        s -> s.place(List.of(bookingBlock("a-1", minutes(0, 30))), NOW)));
    assertThat(await(schedules().markSwept(unsweptOf(resource)))).isTrue();

    await(schedules().markUnswept(resource));
    await(schedules().markUnswept(never));
    assertThat(unsweptIds()).contains(resource).doesNotContain(never);
    Schedule after = await(schedules().load(resource));
    assertThat(after.revision()).isEqualTo(written.revision());
    assertThat(after.blocks()).isEqualTo(written.blocks());
    assertThat(await(schedules().load(never)).revision()).isZero();
  }

  private ScheduleRepository.Unswept unsweptOf(String resource) {
    return await(schedules().unswept()).stream().filter(u -> u.resourceId().equals(resource))
        .findFirst().orElseThrow(() -> new AssertionError(resource + " is not marked for the janitor"));
  }

  private List<String> unsweptIds() {
    return await(schedules().unswept()).stream().map(ScheduleRepository.Unswept::resourceId).toList();
  }

  @Test
  @DisplayName("delete: the resource's schedule is gone (empty at revision 0, not listed); others are untouched")
  default void deleteRemovesTheSchedule(VertxTestContext ctx) {
    String gone = id("res");
    String kept = id("res");
    schedules().update(gone, s -> s.place(List.of(busyBlock("x", minutes(0, 60))), NOW))
        .compose(s -> schedules().update(kept, k -> k.place(List.of(busyBlock("y", minutes(0, 60))), NOW)))
        .compose(k -> schedules().delete(gone))
        .compose(v -> Future.all(schedules().load(gone), schedules().unswept(), schedules().load(kept)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          Schedule empty = all.resultAt(0);
          assertThat(empty.blocks()).isEmpty();
          assertThat(empty.revision()).isZero();
          List<ScheduleRepository.Unswept> marked = all.resultAt(1);
          assertThat(marked).extracting(ScheduleRepository.Unswept::resourceId).doesNotContain(gone).contains(kept);
          assertThat(((Schedule) all.resultAt(2)).blocks()).hasSize(1);
          ctx.completeNow();
        })));
  }
}
