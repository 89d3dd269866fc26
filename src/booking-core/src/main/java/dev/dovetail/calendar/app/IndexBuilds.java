package dev.dovetail.calendar.app;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarIndex;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The time indexes of the calendars this node queried: per resource, the index of the calendar version (store revision
 * and zone) last asked about, built once. Readers of a version being built wait for that one build instead of starting
 * their own (issue 17, ADR 70), so a calendar that several clients query first at the same moment is parsed once.
 * The build runs on the thread of the reader that started it, with the checkpoint that reader passed (the server's
 * bound on one build); if it fails (its checkpoint
 * threw), every reader waiting for it gets that failure and the next reader starts a new build, which resumes from the
 * engine's per-object caches. A reader of an older version than the one kept builds its own index, kept nowhere.
 * Bounded (least recently used, as many calendars as {@link CalendarViews#CAPACITY}).
 */
final class IndexBuilds {

  private record Build(long revision, ZoneId zone, CompletableFuture<CalendarIndex> index) {}

  private final Map<String, Build> builds = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Build> eldest) {
      return size() > CalendarViews.CAPACITY;
    }
  };

  /** The index of {@code calendar} read in {@code zone}: the one built or being built, else {@code build}'s. */
  CalendarIndex index(String resourceId, CalendarCollection calendar, ZoneId zone, Supplier<CalendarIndex> build) {
    Build mine = new Build(calendar.revision(), zone, new CompletableFuture<>());
    Build running = null;
    synchronized (builds) {
      Build have = builds.get(resourceId);
      if (have != null && have.revision() == mine.revision() && have.zone().equals(zone)) {
        running = have;
      } else if (have == null || have.revision() <= mine.revision()) {
        builds.put(resourceId, mine);
      }
    }
    return running != null ? awaited(running) : built(resourceId, mine, build);
  }

  private CalendarIndex built(String resourceId, Build mine, Supplier<CalendarIndex> build) {
    try {
      CalendarIndex index = build.get();
      mine.index().complete(index);
      return index;
    } catch (RuntimeException | Error failed) {
      synchronized (builds) {
        builds.remove(resourceId, mine);
      }
      mine.index().completeExceptionally(failed);
      throw failed;
    }
  }

  /** Waits for another reader's build; its failure is rethrown as it was thrown there. */
  private static CalendarIndex awaited(Build running) {
    try {
      return running.index().join();
    } catch (CompletionException failed) {
      if (failed.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (failed.getCause() instanceof Error cause) {
        throw cause;
      }
      throw failed;
    }
  }
}
