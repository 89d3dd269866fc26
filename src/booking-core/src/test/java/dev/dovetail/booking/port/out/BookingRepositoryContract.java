package dev.dovetail.booking.port.out;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.ContractFixtures.held;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Answer;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link BookingRepository} must do. */
@ExtendWith(VertxExtension.class)
public interface BookingRepositoryContract {

  BookingRepository bookings();

  @Test
  @DisplayName("insertAll then findById: every field of a confirmed and of a held booking reads back exactly")
  default void insertAllThenFindByIdRoundTripsEveryField(VertxTestContext ctx) {
    String provider = id("prov");
    Booking one = confirmed(provider, "room-1", BASE, 30);
    Booking two = held(provider, "room-2", BASE.plusSeconds(3600), Instant.parse("2030-01-01T00:10:00.250Z"));
    bookings().insertAll(List.of(one, two))
        .compose(v -> Future.all(bookings().findById(one.id()), bookings().findById(two.id())))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<Booking>>resultAt(0)).contains(one);
          assertThat(found.<Optional<Booking>>resultAt(1)).contains(two);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("insertAll then findById: a booking of every member of a pool reads back with all its resources")
  default void poolBookingRoundTripsItsResources(VertxTestContext ctx) {
    Booking all = confirmed(id("prov"), "room-1", BASE, 60).placedOn(List.of("room-1", "room-2", "room-3"));
    bookings().insertAll(List.of(all))
        .compose(v -> bookings().findById(all.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(all);
          assertThat(found.orElseThrow().resourceIds()).containsExactly("room-1", "room-2", "room-3");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("insertAll then findById: the customer's answers (labels, line breaks, order) read back exactly")
  default void answersRoundTrip(VertxTestContext ctx) {
    Booking answered = confirmed(id("prov"), "room-1", BASE, 30).withAnswers(List.of(
        new Answer("topic", "Topic", "Rent"), new Answer("notes", "Anything else?", "Two lines\nand «ünïcode» 日本")));
    bookings().insertAll(List.of(answered))
        .compose(v -> bookings().findById(answered.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(answered);
          assertThat(found.orElseThrow().answers()).hasSize(2);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("findById: an unknown id is empty")
  default void findByIdOfUnknownIsEmpty(VertxTestContext ctx) {
    bookings().findById(id("nope")).onComplete(ctx.succeeding(found -> ctx.verify(() -> {
      assertThat(found).isEmpty();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("insertAll: a duplicate id fails with a ConflictException and stores nothing of the batch")
  default void insertAllRefusesDuplicateIdAndStoresNothing(VertxTestContext ctx) {
    String provider = id("prov");
    Booking existing = confirmed(provider, "room-1", BASE, 30);
    Booking fresh = confirmed(provider, "room-1", BASE.plusSeconds(7200), 30);
    Booking later = confirmed(provider, "room-1", BASE.plusSeconds(9000), 30);
    Booking clash = new Booking(existing.id(), provider, "room-9", "type-z", existing.time(), existing.customerZone(),
        "Someone Else", "else@example.com", BookingStatus.CONFIRMED, null, null, 0,
        existing.createdAt(), existing.updatedAt());
    bookings().insertAll(List.of(existing))
        .compose(v -> failureOf(bookings().insertAll(List.of(fresh, clash, later))))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return Future.all(bookings().findById(existing.id()), bookings().findById(fresh.id()),
              bookings().findById(later.id()));
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<Booking>>resultAt(0)).contains(existing);
          assertThat(found.<Optional<Booking>>resultAt(1)).isEmpty();
          assertThat(found.<Optional<Booking>>resultAt(2)).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: replaces the booking when its revision follows the stored one")
  default void updateReplacesWhenSequenceFollows(VertxTestContext ctx) {
    Booking hold = held(id("prov"), "room-1", BASE, Instant.parse("2030-01-01T00:10:00Z"));
    Booking confirmedNow = hold.withStatus(BookingStatus.CONFIRMED, Instant.parse("2030-01-01T00:05:00Z"));
    bookings().insertAll(List.of(hold))
        .compose(v -> bookings().update(confirmedNow))
        .compose(v -> bookings().findById(hold.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(confirmedNow);
          assertThat(found.get().holdExpiresAt()).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: a stale revision or a missing booking fails with a ConflictException")
  default void updateRefusesStaleSequenceAndMissingBooking(VertxTestContext ctx) {
    Booking booking = confirmed(id("prov"), "room-1", BASE, 30);
    Instant now = Instant.parse("2030-01-01T00:05:00Z");
    Booking cancelled = booking.withStatus(BookingStatus.CANCELLED, now);
    Booking raced = booking.movedTo(booking.time(), now); // also revision 1: written from the same stale copy
    bookings().insertAll(List.of(booking))
        .compose(v -> bookings().update(cancelled))
        .compose(v -> failureOf(bookings().update(raced)))
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return failureOf(bookings().update(confirmed(id("prov"), "room-1", BASE, 30).movedTo(booking.time(), now)));
        })
        .compose(err -> {
          ctx.verify(() -> assertThat(err).isInstanceOf(ConflictException.class));
          return bookings().findById(booking.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).contains(cancelled);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("update: of two concurrent updates from the same copy exactly one wins")
  default void concurrentUpdatesFromSameCopyExactlyOneWins(VertxTestContext ctx) {
    Booking booking = confirmed(id("prov"), "room-1", BASE, 30);
    Instant now = Instant.parse("2030-01-01T00:05:00Z");
    bookings().insertAll(List.of(booking))
        .compose(v -> {
          List<Future<Void>> racing = new ArrayList<>();
          for (int i = 0; i < 10; i++) {
            racing.add(bookings().update(booking.movedTo(booking.time().widen(java.time.Duration.ZERO,
                java.time.Duration.ofMinutes(i)), now)));
          }
          return Future.join(racing).transform(ar -> Future.succeededFuture(racing));
        })
        .onComplete(ctx.succeeding(racing -> ctx.verify(() -> {
          assertThat(racing.stream().filter(Future::succeeded)).hasSize(1);
          assertThat(racing.stream().filter(Future::failed).map(Future::cause))
              .allMatch(err -> err instanceof ConflictException);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("listByProvider: pages walk the provider's bookings by start time then id, each exactly once")
  default void listByProviderPaginationVisitsEachBookingOnce(VertxTestContext ctx) {
    String provider = id("prov");
    String other = id("prov");
    List<Booking> mine = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      // Several bookings share a start time (different resources), so the id breaks ties.
      mine.add(confirmed(provider, i % 2 == 0 ? "room-a" : "room-b", BASE.plusSeconds(1800L * (i / 3)), 30));
    }
    mine.add(held(provider, "room-a", BASE.minusSeconds(86_400 * 400L), Instant.parse("2028-01-01T00:00:00Z")));
    List<Booking> theirs = List.of(confirmed(other, "room-a", BASE, 30), confirmed(other, "room-x", BASE, 30));
    List<Booking> expected = mine.stream()
        .sorted(Comparator.comparing((Booking b) -> b.time().start()).thenComparing(Booking::id))
        .toList();
    bookings().insertAll(theirs)
        .compose(v -> bookings().insertAll(mine))
        .compose(v -> walk(provider, null, null, null, 5, new ArrayList<>()))
        .compose(all -> {
          ctx.verify(() -> assertThat(all).containsExactlyElementsOf(expected));
          return walk(provider, "room-b", null, null, 4, new ArrayList<>());
        })
        .compose(roomB -> {
          ctx.verify(() -> assertThat(roomB).containsExactlyElementsOf(
              expected.stream().filter(b -> b.resourceId().equals("room-b")).toList()));
          return walk(provider, null, null, null, 200, new ArrayList<>());
        })
        .onComplete(ctx.succeeding(onePage -> ctx.verify(() -> {
          assertThat(onePage).containsExactlyElementsOf(expected);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("listByProvider with a window: exactly the bookings overlapping it (touching ends excluded), paged")
  default void listByProviderWithWindowKeepsOverlappingBookings(VertxTestContext ctx) {
    String provider = id("prov");
    List<Booking> all = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      all.add(confirmed(provider, "room-a", BASE.plusSeconds(1800L * i), 30));
    }
    // [BASE+45min, BASE+3h): the 30-minute booking at +30min overlaps it; the one at +3h only touches its end.
    TimeRange window = new TimeRange(BASE.plusSeconds(2700), BASE.plusSeconds(3 * 3600));
    List<Booking> expected = all.stream().filter(b -> b.time().overlaps(window))
        .sorted(Comparator.comparing((Booking b) -> b.time().start()).thenComparing(Booking::id))
        .toList();
    bookings().insertAll(all)
        .compose(v -> walk(provider, null, window, null, 2, new ArrayList<>()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(expected).hasSize(5);
          assertThat(found).containsExactlyElementsOf(expected);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("listByProvider: a provider without bookings gets one empty last page")
  default void listByProviderWithoutBookingsIsEmpty(VertxTestContext ctx) {
    bookings().listByProvider(id("prov"), null, null, PageRequest.first(10))
        .onComplete(ctx.succeeding(page -> ctx.verify(() -> {
          assertThat(page.items()).isEmpty();
          assertThat(page.nextCursor()).isNull();
          ctx.completeNow();
        })));
  }

  /** Follows next cursors to the end; fails if a page is over-full or a cursor repeats. */
  private Future<List<Booking>> walk(String provider, String resource, TimeRange window, String cursor, int limit,
      List<Booking> seen) {
    return bookings().listByProvider(provider, resource, window, new PageRequest(cursor, limit)).compose(page -> {
      if (page.items().size() > limit) {
        return Future.failedFuture(new AssertionError("page larger than its limit"));
      }
      seen.addAll(page.items());
      if (page.nextCursor() == null) {
        return Future.succeededFuture(seen);
      }
      if (page.nextCursor().equals(cursor) || page.items().isEmpty()) {
        return Future.failedFuture(new AssertionError("pagination does not advance"));
      }
      return walk(provider, resource, window, page.nextCursor(), limit, seen);
    });
  }

  @Test
  @DisplayName("findExpiredHolds: only held bookings whose hold has run out, at most the limit")
  default void findExpiredHoldsReturnsOnlyRunOutHolds(VertxTestContext ctx) {
    String provider = id("prov");
    Instant now = Instant.parse("2030-01-01T12:00:00Z");
    Booking expired1 = held(provider, "room-1", BASE, now.minusSeconds(60));
    Booking expired2 = held(provider, "room-1", BASE.plusSeconds(3600), now);
    Booking live = held(provider, "room-1", BASE.plusSeconds(7200), now.plusSeconds(1));
    Booking firm = confirmed(provider, "room-1", BASE.plusSeconds(9000), 30);
    bookings().insertAll(List.of(expired1, expired2, live, firm))
        .compose(v -> bookings().findExpiredHolds(now, 100))
        .compose(found -> {
          ctx.verify(() -> assertThat(found.stream().filter(b -> b.providerId().equals(provider)))
              .containsExactlyInAnyOrder(expired1, expired2));
          return bookings().findExpiredHolds(now, 1);
        })
        .onComplete(ctx.succeeding(limited -> ctx.verify(() -> {
          assertThat(limited).hasSize(1);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("findByIds: returns the bookings that exist among the ids")
  default void findByIdsReturnsExistingOnly(VertxTestContext ctx) {
    String provider = id("prov");
    Booking a = confirmed(provider, "room-1", BASE, 30);
    Booking b = confirmed(provider, "room-1", BASE.plusSeconds(3600), 30);
    bookings().insertAll(List.of(a, b))
        .compose(v -> bookings().findByIds(List.of(a.id(), id("missing"), b.id())))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).containsExactlyInAnyOrder(a, b));
          return bookings().findByIds(List.of());
        })
        .onComplete(ctx.succeeding(none -> ctx.verify(() -> {
          assertThat(none).isEmpty();
          ctx.completeNow();
        })));
  }
}
