package dev.dovetail.calendar.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.calendar.domain.CalendarCollection;
import dev.dovetail.calendar.domain.CalendarObject;
import dev.dovetail.calendar.domain.InvalidSyncTokenException;
import dev.dovetail.calendar.port.in.RefreshBusyTime;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link CalendarObjectRepository} adapter must do; run by the in-memory test and the Mongo IT. */
@ExtendWith(VertxExtension.class)
public interface CalendarObjectRepositoryContract {

  CalendarObjectRepository calendars();

  private static String id() {
    return "cal-" + UUID.randomUUID();
  }

  private static CalendarObject event(String name) {
    return CalendarObject.of(name + ".ics", name + "@test", "BEGIN:VCALENDAR\r\nUID:" + name + "\r\nEND:VCALENDAR\r\n",
        false);
  }

  @Test
  @DisplayName("revision: 0 for a calendar never written, then the revision of the last write")
  default void revisionFollowsWrites(VertxTestContext ctx) {
    String cal = id();
    calendars().revision(cal)
        .compose(r0 -> {
          ctx.verify(() -> assertThat(r0).isZero());
          return calendars().update(cal, c -> c.put(event("a")));
        })
        .compose(first -> calendars().update(cal, c -> c.put(event("b"))))
        .compose(second -> calendars().revision(cal).map(r -> {
          ctx.verify(() -> assertThat(r).isEqualTo(second.revision()).isPositive());
          return r;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("mostWritten: stored calendars, the most written first, at most the limit; a deleted one is gone")
  default void mostWrittenComesFirst(VertxTestContext ctx) {
    String busy = id();
    String quiet = id();
    String deleted = id();
    Future<CalendarCollection> writes = Future.succeededFuture();
    for (int i = 0; i < 60; i++) {
      String name = "e" + i;
      writes = writes.compose(w -> calendars().update(busy, c -> c.put(event(name))));
    }
    writes.compose(w -> calendars().update(quiet, c -> c.put(event("q"))))
        .compose(w -> calendars().update(deleted, c -> c.put(event("d"))))
        .compose(w -> calendars().delete(deleted))
        .compose(v -> calendars().mostWritten(1_000))
        .compose(all -> calendars().mostWritten(1).map(first -> {
          ctx.verify(() -> {
            assertThat(all).contains(busy, quiet).doesNotContain(deleted);
            assertThat(all.indexOf(busy)).isLessThan(all.indexOf(quiet));
            assertThat(first).hasSize(1);
          });
          return first;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("property: null for a calendar never written or a property never set, else its stored value")
  default void propertyReadsOneStoredProperty(VertxTestContext ctx) {
    String cal = id();
    calendars().property(cal, "feed-token")
        .compose(never -> {
          ctx.verify(() -> assertThat(never).isNull());
          return calendars().update(cal, c -> c.withProperty("feed-token", "secret-1").withProperty("other", "x"));
        })
        .compose(written -> calendars().property(cal, "feed-token"))
        .compose(token -> calendars().property(cal, "unset").map(unset -> {
          ctx.verify(() -> {
            assertThat(token).isEqualTo("secret-1");
            assertThat(unset).isNull();
          });
          return null;
        }))
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("load: a calendar never written is empty at revision 0 and sequence 0")
  default void loadReturnsEmptyCalendar(VertxTestContext ctx) {
    String cal = id();
    calendars().load(cal).onComplete(ctx.succeeding(c -> ctx.verify(() -> {
      assertThat(c.resourceId()).isEqualTo(cal);
      assertThat(c.revision()).isZero();
      assertThat(c.sequence()).isZero();
      assertThat(c.objects()).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("update: objects, properties, tombstones and the sequence read back exactly as written")
  default void updateStoresEverythingAndReadsItBack(VertxTestContext ctx) {
    String cal = id();
    calendars().update(cal, c -> c.put(event("a")).put(event("b")).withProperty("displayname", "Room"))
        .compose(first -> {
          ctx.verify(() -> assertThat(first.revision()).isEqualTo(1));
          return calendars().update(cal, c -> c.remove("a.ics"));
        })
        .compose(second -> calendars().load(cal))
        .onComplete(ctx.succeeding(c -> ctx.verify(() -> {
          assertThat(c.revision()).isEqualTo(2);
          assertThat(c.sequence()).isEqualTo(4);
          assertThat(c.objects()).extracting(CalendarObject::href).containsExactly("b.ics");
          assertThat(c.find("b.ics").orElseThrow()).isEqualTo(event("b").atSequence(2));
          assertThat(c.properties()).containsEntry("displayname", "Room");
          assertThat(c.tombstones()).containsExactly(new CalendarCollection.Tombstone("a.ics", 4));
          assertThat(c.changesSince(2).removed()).containsExactly("a.ics");
          assertThat(c.changesSince(1).changed()).extracting(CalendarObject::href).containsExactly("b.ics");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: a change that throws stores nothing and fails with that exception")
  default void refusedChangeStoresNothing(VertxTestContext ctx) {
    String cal = id();
    calendars().update(cal, c -> c.put(event("a")))
        .compose(v -> calendars().update(cal, c -> {
          c.put(event("b"));
          throw new InvalidSyncTokenException("refused");
        }))
        .onComplete(ctx.failing(err -> calendars().load(cal).onComplete(ctx.succeeding(c -> ctx.verify(() -> {
          assertThat(err).isInstanceOf(InvalidSyncTokenException.class);
          assertThat(c.objects()).hasSize(1);
          assertThat(c.sequence()).isEqualTo(1);
          ctx.completeNow();
        })))));
  }

  @Test
  @DisplayName("update: concurrent writers to one calendar lose no write (compare-and-set with retry)")
  default void concurrentWritersLoseNothing(VertxTestContext ctx) {
    String cal = id();
    List<Future<CalendarCollection>> writes = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      CalendarObject o = event("e" + i);
      writes.add(calendars().update(cal, c -> c.put(o)));
    }
    Future.all(writes).compose(v -> calendars().load(cal)).onComplete(ctx.succeeding(c -> ctx.verify(() -> {
      assertThat(c.objects()).hasSize(16);
      assertThat(c.sequence()).isEqualTo(16);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("delete: the calendar's objects, history and properties are gone; other calendars are untouched")
  default void deleteRemovesTheWholeCalendar(VertxTestContext ctx) {
    String cal = id();
    String other = id();
    calendars().update(cal, c -> c.put(event("a")).withProperty("feed", "secret-token"))
        .compose(c -> calendars().update(other, o -> o.put(event("b"))))
        .compose(o -> calendars().delete(cal))
        .compose(v -> Future.all(calendars().load(cal), calendars().revision(cal), calendars().load(other)))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          CalendarCollection gone = all.resultAt(0);
          assertThat(gone.objects()).isEmpty();
          assertThat(gone.properties()).isEmpty();
          assertThat((Long) all.resultAt(1)).isZero();
          assertThat(((CalendarCollection) all.resultAt(2)).objects()).hasSize(1);
          ctx.completeNow();
        })));
  }

  private static CalendarObject weekly(String name, boolean booking) {
    return CalendarObject.of(name + ".ics", name + "@test", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:" + name
        + "\r\nDTSTART:20300107T090000Z\r\nRRULE:FREQ=WEEKLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", booking);
  }

  @Test
  @DisplayName("withRecurringTime: the calendars with a recurring object or a clash report, kept with each write")
  default void withRecurringTimeFollowsWrites() {
    String plain = id();
    String recurring = id();
    String clashing = id();
    String bookings = id();
    await(calendars().update(plain, c -> c.put(event("a")).put(event("b"))));
    await(calendars().update(recurring, c -> c.put(event("a")).put(weekly("w1", false)).put(weekly("w2", false))));
    await(calendars().update(clashing, c -> c.put(event("a")).withProperty(RefreshBusyTime.CLASHES, "w1.ics ...")));
    await(calendars().update(bookings, c -> c.put(weekly("booked", true))));
    assertThat(await(calendars().withRecurringTime())).as("a booking's projection is not the calendar's own time")
        .contains(recurring, clashing).doesNotContain(plain, bookings);

    await(calendars().update(recurring, c -> c.remove("w1.ics")));
    assertThat(await(calendars().withRecurringTime())).as("one recurring object left").contains(recurring);
    await(calendars().update(recurring, c -> c.put(event("w2"))));
    assertThat(await(calendars().withRecurringTime())).as("the last one replaced by a single event")
        .doesNotContain(recurring);
    await(calendars().update(plain, c -> c.put(weekly("b", false))));
    await(calendars().update(clashing, c -> c.withProperty(RefreshBusyTime.CLASHES, null)));
    assertThat(await(calendars().withRecurringTime())).contains(plain).doesNotContain(clashing);
    await(calendars().delete(plain));
    assertThat(await(calendars().withRecurringTime())).doesNotContain(plain);
  }

  private static <T> T await(Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().join();
  }
}
