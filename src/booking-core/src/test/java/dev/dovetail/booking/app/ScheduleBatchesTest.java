package dev.dovetail.booking.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.ResourceBusyException;
import dev.dovetail.booking.domain.Schedule;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.out.ScheduleRepository;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Changes that wait for one resource are committed together (ADR 71). The lock is held from outside while they are
 * asked for, so that they all wait for the same write: deterministic, without timers.
 */
class ScheduleBatchesTest {

  private static final String ROOM = "room";
  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
  private static final Instant TEN = Instant.parse("2026-12-08T10:00:00Z");

  private final CountingRepository schedules = new CountingRepository();
  private final InMemoryResourceLock lock = new InMemoryResourceLock();
  private final ScheduleBatches batches = new ScheduleBatches(lock, schedules);

  private static Block block(String owner, Instant start) {
    TimeRange time = TimeRange.of(start, Duration.ofMinutes(30));
    return new Block(owner, Block.Kind.BOOKING, "type", time, time, null, NOW);
  }

  private static UnaryOperator<Schedule> place(String owner, Instant start) {
    return schedule -> schedule.place(List.of(block(owner, start)), NOW);
  }

  /** Runs {@code asks} while the resource's lock is held by someone else, then lets it go. */
  private List<Future<Schedule>> whileHeld(List<UnaryOperator<Schedule>> asks) {
    Promise<Void> release = Promise.promise();
    lock.withLock(ROOM, release::future);
    List<Future<Schedule>> answers = asks.stream().map(change -> batches.update(ROOM, change)).toList();
    assertThat(answers).noneMatch(Future::isComplete);
    release.complete();
    return answers;
  }

  private Schedule stored() {
    return schedules.load(ROOM).result();
  }

  @Test
  @DisplayName("changes waiting for one resource are committed by one compare-and-set, each seeing the ones before")
  void waitingChangesShareOneCompareAndSet() {
    List<Future<Schedule>> answers = whileHeld(List.of(place("a", TEN), place("b", TEN.plusSeconds(1800)),
        place("c", TEN.plusSeconds(3600))));

    assertThat(answers).allMatch(Future::succeeded);
    assertThat(stored().revision()).isEqualTo(1);
    assertThat(stored().blocks()).extracting(Block::ownerId).containsExactly("a", "b", "c");
    assertThat(schedules.writes.get()).isEqualTo(1);
    assertThat(answers.get(0).result()).isEqualTo(stored());
  }

  @Test
  @DisplayName("at most MAX_BATCH changes share a compare-and-set; the rest follow in the next one")
  void batchesAreBounded() {
    List<UnaryOperator<Schedule>> asks = IntStream.range(0, ScheduleBatches.MAX_BATCH + 6)
        .mapToObj(i -> place("o" + i, TEN.plus(Duration.ofMinutes(30L * i)))).toList();
    List<Future<Schedule>> answers = whileHeld(asks);

    assertThat(answers).allMatch(Future::succeeded);
    assertThat(schedules.writes.get()).isEqualTo(2);
    assertThat(stored().blocks()).hasSize(ScheduleBatches.MAX_BATCH + 6);
  }

  @Test
  @DisplayName("a change refused against the earlier ones of its batch fails alone; the others are committed")
  void refusedChangeFailsAlone() {
    List<Future<Schedule>> answers = whileHeld(List.of(place("a", TEN), place("b", TEN.plusSeconds(600)),
        place("c", TEN.plusSeconds(3600))));

    assertThat(answers.get(0).succeeded()).isTrue();
    assertThat(answers.get(1).cause()).isInstanceOf(SlotUnavailableException.class);
    assertThat(answers.get(2).succeeded()).isTrue();
    assertThat(stored().blocks()).extracting(Block::ownerId).containsExactly("a", "c");
    assertThat(stored().revision()).isEqualTo(1);
  }

  @Test
  @DisplayName("a batch whose every change is refused commits nothing, and each fails with its own refusal")
  void allRefusedCommitsNothing() {
    schedules.update(ROOM, place("x", TEN)).result();
    List<Future<Schedule>> answers = whileHeld(List.of(place("a", TEN), place("b", TEN.plusSeconds(900))));

    assertThat(answers).allSatisfy(a -> assertThat(a.cause()).isInstanceOf(SlotUnavailableException.class));
    assertThat(stored().revision()).isEqualTo(1);
    assertThat(stored().blocks()).extracting(Block::ownerId).containsExactly("x");
  }

  @Test
  @DisplayName("after a lost race the batch runs again on the fresh schedule, and only the committed run decides")
  void lostRaceRunsTheBatchAgain() {
    schedules.sneakOnFirstRun(block("other", TEN.plusSeconds(3600)));
    List<Future<Schedule>> answers = whileHeld(List.of(place("a", TEN), place("c", TEN.plusSeconds(3600))));

    assertThat(answers.get(0).succeeded()).isTrue();
    assertThat(answers.get(1).cause()).isInstanceOf(SlotUnavailableException.class);
    assertThat(stored().blocks()).extracting(Block::ownerId).containsExactly("a", "other");
    assertThat(stored().revision()).isEqualTo(2);
  }

  @Test
  @DisplayName("a change asked while a write is under way goes into the next one, which starts when it ends")
  void changeDuringAWriteGoesToTheNext() {
    Promise<Void> stored = Promise.promise();
    schedules.gate = stored.future();
    Future<Schedule> first = batches.update(ROOM, place("a", TEN));
    Future<Schedule> second = batches.update(ROOM, place("b", TEN.plusSeconds(1800)));
    Future<Schedule> third = batches.update(ROOM, place("c", TEN.plusSeconds(3600)));
    stored.complete();

    assertThat(List.of(first, second, third)).allMatch(Future::succeeded);
    assertThat(schedules.writes.get()).as("the first alone, then the two that came meanwhile").isEqualTo(2);
    assertThat(stored().blocks()).extracting(Block::ownerId).containsExactly("a", "b", "c");
  }

  @Test
  @DisplayName("when the lock cannot be had, every change waiting for it fails busy and nothing is written")
  void busyLockFailsTheWaiting() {
    InMemoryResourceLock noWait = InMemoryResourceLock.noWait();
    ScheduleBatches impatient = new ScheduleBatches(noWait, schedules);
    Promise<Void> release = Promise.promise();
    noWait.withLock(ROOM, release::future);
    Future<Schedule> answer = impatient.update(ROOM, place("a", TEN));
    release.complete();

    assertThat(answer.cause()).isInstanceOf(ResourceBusyException.class);
    assertThat(schedules.writes.get()).isZero();
    assertThat(impatient.update(ROOM, place("b", TEN)).succeeded()).as("the next write takes the lock").isTrue();
  }

  /**
   * The in-memory store, counting commits; it can let another writer commit during a batch's first run (a lost
   * race), and hold its compare-and-sets back until {@code gate} completes.
   */
  private static final class CountingRepository extends InMemoryScheduleRepository {

    final AtomicInteger writes = new AtomicInteger();
    Future<Void> gate = Future.succeededFuture();
    private Block sneak;

    void sneakOnFirstRun(Block other) {
      sneak = other;
    }

    @Override
    public Future<Schedule> updateBeforeDurable(String resourceId, UnaryOperator<Schedule> change) {
      AtomicBoolean sneaked = new AtomicBoolean(sneak == null);
      return gate.compose(open -> update(resourceId, read -> {
        if (!sneaked.getAndSet(true)) {
          Block other = sneak;
          sneak = null;
          super.update(resourceId, s -> s.place(List.of(other), NOW));
        }
        return change.apply(read);
      })).onSuccess(s -> writes.incrementAndGet());
    }
  }
}
