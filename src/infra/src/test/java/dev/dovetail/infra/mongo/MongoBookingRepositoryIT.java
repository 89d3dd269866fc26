package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.ContractFixtures.confirmed;
import static dev.dovetail.booking.port.out.ContractFixtures.id;
import static dev.dovetail.booking.port.out.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.booking.port.out.BookingRepositoryContract;
import io.vertx.core.Future;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MongoBookingRepository on the embedded server with the real driver")
class MongoBookingRepositoryIT extends StoreIT implements BookingRepositoryContract {

  @Override
  public BookingRepository bookings() {
    return store.bookings();
  }

  @Test
  @DisplayName("listByProvider: a cursor this list did not issue is refused as an invalid request")
  void listByProviderRefusesForeignCursor(VertxTestContext ctx) {
    List<String> bad = List.of("x", "_abc", "12_", "12_ABC", "{\"$gt\":1}_ab", "99999999999999999999999_ab");
    List<Future<Throwable>> failures = new ArrayList<>();
    for (String cursor : bad) {
      failures.add(failureOf(store.bookings().listByProvider(id("prov"), null, null, new PageRequest(cursor, 10))));
    }
    Future.all(failures).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
      for (Future<Throwable> f : failures) {
        assertThat(f.result()).isInstanceOf(InvalidRequestException.class);
      }
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("listByProvider: bookings before 1970 sort before later ones and round-trip their cursors")
  void listByProviderHandlesNegativeEpochs(VertxTestContext ctx) {
    String provider = id("prov");
    Booking early = confirmed(provider, "room-1", java.time.Instant.parse("1969-07-20T20:17:00Z"), 30);
    Booking late = confirmed(provider, "room-1", BASE, 30);
    store.bookings().insertAll(List.of(late, early))
        .compose(v -> store.bookings().listByProvider(provider, null, null, PageRequest.first(1)))
        .compose(first -> {
          ctx.verify(() -> assertThat(first.items()).containsExactly(early));
          return store.bookings().listByProvider(provider, null, null, new PageRequest(first.nextCursor(), 1));
        })
        .onComplete(ctx.succeeding(second -> ctx.verify(() -> {
          assertThat(second.items()).containsExactly(late);
          ctx.completeNow();
        })));
  }
}
