package dev.dovetail.calendar.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarIndex;
import dev.dovetail.calendar.domain.ObjectTimes;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("IndexBuilds: one build per calendar version and node, whoever asks and however many at once")
class IndexBuildsTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant NOW = Instant.parse("2026-11-23T07:00:00Z");
  private static final int WAITERS = 7;

  private final IndexBuilds builds = new IndexBuilds();
  private final AtomicInteger started = new AtomicInteger();

  private static CalendarCollection version(long revision) {
    return new CalendarCollection("room", revision, 0, Map.of(), List.of(), List.of(), 0);
  }

  /** An empty calendar has no objects to expand, so its index never asks the iCalendar engine anything. */
  private static CalendarIndex indexOf(CalendarCollection calendar) {
    ObjectTimes none = (ObjectTimes) Proxy.newProxyInstance(IndexBuildsTest.class.getClassLoader(),
        new Class<?>[] {ObjectTimes.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("an empty calendar expands nothing");
        });
    return CalendarIndex.build(calendar, none, BERLIN, NOW, () -> { });
  }

  /** Starts readers of {@code calendar} on their own threads and returns once each waits for the build under way. */
  private List<CompletableFuture<Object>> readersWaitingFor(CalendarCollection calendar) {
    List<CompletableFuture<Object>> answers = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      CompletableFuture<Object> answer = new CompletableFuture<>();
      answers.add(answer);
      Thread reader = new Thread(() -> {
        try {
          answer.complete(builds.index("room", calendar, BERLIN, countedBuild(() -> indexOf(calendar))));
        } catch (RuntimeException failed) {
          answer.complete(failed);
        }
      });
      readers.add(reader);
      reader.start();
    }
    for (Thread reader : readers) {
      while (reader.getState() != Thread.State.WAITING && !answers.get(readers.indexOf(reader)).isDone()) {
        Thread.onSpinWait();
      }
    }
    return answers;
  }

  private Supplier<CalendarIndex> countedBuild(Supplier<CalendarIndex> build) {
    return () -> {
      started.incrementAndGet();
      return build.get();
    };
  }

  @Test
  @DisplayName("readers arriving while a version is built wait for that build and get its index; nothing is built"
      + " again for that version")
  void concurrentReadersShareOneBuild() {
    CalendarCollection calendar = version(3);
    List<List<CompletableFuture<Object>>> waiting = new ArrayList<>();

    CalendarIndex built = builds.index("room", calendar, BERLIN, countedBuild(() -> {
      waiting.add(readersWaitingFor(calendar));
      return indexOf(calendar);
    }));

    for (CompletableFuture<Object> answer : waiting.get(0)) {
      assertThat(answer.join()).isSameAs(built);
    }
    assertThat(builds.index("room", version(3), BERLIN, countedBuild(() -> indexOf(calendar)))).isSameAs(built);
    assertThat(started.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a build over its bound fails every reader waiting for it with the same refusal; the next reader builds"
      + " again")
  void aFailedBuildFailsItsWaitersAndIsRetried() {
    CalendarCollection calendar = version(3);
    IllegalStateException overBound = new IllegalStateException("over the bound of one build");
    List<List<CompletableFuture<Object>>> waiting = new ArrayList<>();

    assertThatThrownBy(() -> builds.index("room", calendar, BERLIN, countedBuild(() -> {
      waiting.add(readersWaitingFor(calendar));
      throw overBound;
    }))).isSameAs(overBound);

    for (CompletableFuture<Object> answer : waiting.get(0)) {
      assertThat(answer.join()).isSameAs(overBound);
    }
    CalendarIndex retried = builds.index("room", calendar, BERLIN, countedBuild(() -> indexOf(calendar)));
    assertThat(retried.size()).isZero();
    assertThat(started.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("a new version or another zone is built anew; a reader of an older version does not evict the newer")
  void versionsAndZonesAreBuiltApart() {
    CalendarIndex third = builds.index("room", version(3), BERLIN, countedBuild(() -> indexOf(version(3))));
    CalendarIndex fourth = builds.index("room", version(4), BERLIN, countedBuild(() -> indexOf(version(4))));
    builds.index("room", version(3), BERLIN, countedBuild(() -> indexOf(version(3))));
    CalendarIndex again = builds.index("room", version(4), BERLIN, countedBuild(() -> indexOf(version(4))));
    builds.index("room", version(4), ZoneId.of("UTC"), countedBuild(() -> indexOf(version(4))));

    assertThat(fourth).isNotSameAs(third);
    assertThat(again).isSameAs(fourth);
    assertThat(started.get()).isEqualTo(4);
  }
}
