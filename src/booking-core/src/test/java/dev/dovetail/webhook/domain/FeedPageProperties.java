package dev.dovetail.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A reader that polls the feed from its cursor sees every stored event once, in position order, whatever order the
 * inserts land in, as long as each lands within {@link FeedPage#SETTLE} of its recording.
 */
@Label("The event feed's pages")
class FeedPageProperties {

  private static final Instant ORIGIN = Instant.parse("2030-10-26T23:00:00Z");
  private static final long SETTLE_MS = FeedPage.SETTLE.toMillis();

  /** One position: recorded at {@code recordedMs}, stored {@code delayMs} later, or never (abandoned). */
  record Written(long position, long recordedMs, long delayMs, boolean abandoned, boolean test) {
    long storedMs() {
      return recordedMs + delayMs;
    }
  }

  @Property(tries = 500)
  @Label("a polling reader gets every stored event exactly once, in order, tests left out")
  void everyEventOnceInOrder(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 2_000) Integer> recordingGapsMs,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 29_999) Integer> insertDelaysMs,
      @ForAll @Size(min = 40, max = 40) List<@IntRange(min = 0, max = 9) Integer> kinds,
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 5_000) Integer> pollGapsMs,
      @ForAll @IntRange(min = 1, max = 5) int pageSize) {
    List<Written> written = new ArrayList<>();
    long recorded = 0;
    for (int i = 0; i < recordingGapsMs.size(); i++) {
      recorded += recordingGapsMs.get(i);
      int kind = kinds.get(i);
      written.add(new Written(i + 1, recorded, insertDelaysMs.get(i), kind == 0, kind == 1));
    }

    List<Long> seen = new ArrayList<>();
    long cursor = 0;
    long now = 0;
    for (int gap : pollGapsMs) {
      now += gap;
      cursor = poll(written, cursor, now, pageSize, seen);
    }
    // long after the last insert, the reader catches up completely
    long end = recorded + 2 * SETTLE_MS + 1;
    for (int round = 0; round <= written.size(); round++) {
      cursor = poll(written, cursor, end, pageSize, seen);
    }

    List<Long> expected = written.stream().filter(w -> !w.abandoned() && !w.test()).map(Written::position).toList();
    assertThat(seen).isEqualTo(expected);
  }

  @Property(tries = 200)
  @Label("a page never moves the cursor back, and never past a young gap")
  void cursorMovesForwardOnly(@ForAll @IntRange(min = 0, max = 10) int after,
      @ForAll @Size(max = 10) List<@IntRange(min = 1, max = 3) Integer> steps,
      @ForAll @IntRange(min = 0, max = 60_000) int ageMs) {
    List<FeedPage.Entry> stored = new ArrayList<>();
    long position = after;
    for (int step : steps) {
      position += step;
      stored.add(entry(position, EventType.BOOKING_CREATED, ORIGIN));
    }
    FeedPage page = FeedPage.of(after, stored, ORIGIN.plusMillis(ageMs));
    assertThat(page.next()).isGreaterThanOrEqualTo(after);
    boolean settled = ageMs > SETTLE_MS;
    long contiguous = after;
    for (FeedPage.Entry e : stored) {
      if (e.event().position() != contiguous + 1 && !settled) {
        break;
      }
      contiguous = e.event().position();
    }
    assertThat(page.next()).isEqualTo(contiguous);
  }

  /** One read at {@code nowMs} of what is stored then; returns the new cursor. */
  private static long poll(List<Written> written, long cursor, long nowMs, int pageSize, List<Long> seen) {
    List<FeedPage.Entry> stored = written.stream()
        .filter(w -> !w.abandoned() && w.storedMs() <= nowMs && w.position() > cursor)
        .limit(pageSize)
        .map(w -> entry(w.position(), w.test() ? EventType.WEBHOOK_TEST : EventType.BOOKING_CREATED,
            ORIGIN.plusMillis(w.recordedMs())))
        .toList();
    FeedPage page = FeedPage.of(cursor, stored, ORIGIN.plusMillis(nowMs));
    page.events().forEach(e -> seen.add(e.position()));
    return page.next();
  }

  private static FeedPage.Entry entry(long position, EventType type, Instant recordedAt) {
    return new FeedPage.Entry(
        WebhookEvent.of("acme", type, "b-" + position, 0, recordedAt, new JsonObject()).at(position), recordedAt);
  }
}
