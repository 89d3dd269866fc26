package dev.dovetail.booking.app;

import static dev.dovetail.booking.app.BookingUseCaseFixture.berlin;
import static dev.dovetail.booking.app.BookingUseCaseFixture.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.in.SlotTakenException;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.TestBookings;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The live external-calendar check at booking time: asked before the lock, it refuses time busy elsewhere. */
class BookSlotExternalBusyTest {

  private final BookingUseCaseFixture f = new BookingUseCaseFixture(TestBookings.simpleType("t60", "acme", "room", 60));
  private final List<TimeRange> asked = new ArrayList<>();

  private final AtomicBoolean locked = new AtomicBoolean();
  private final ResourceLock watchedLock = new ResourceLock() {
    @Override
    public <T> Future<T> withLock(String resourceId, Supplier<Future<T>> block) {
      return f.lock.withLock(resourceId, () -> {
        locked.set(true);
        return block.get().andThen(done -> locked.set(false));
      });
    }
  };

  private BookSlotService withExternal(ExternalBusy busy) {
    return new BookSlotService(f.catalog, f.schedules, f.bookings, watchedLock, f.events, f.tokens, f.clock,
        (resource, window) -> {
          asked.add(window);
          assertThat(locked).as("asked outside the resource lock").isFalse();
          return busy.busy(resource, window);
        });
  }

  @Test
  @DisplayName("an external event not synced yet refuses the overlapping booking with alternatives, nothing stored")
  void externallyBusyTimeIsRefused() {
    TimeRange meeting = new TimeRange(berlin(0, 10, 30), berlin(0, 11, 0));
    BookSlotService service = withExternal((r, w) -> Future.succeededFuture(List.of(meeting)));

    assertThatThrownBy(() -> service.book(command("t60", berlin(0, 10, 0), false, 1)).await())
        .isInstanceOfSatisfying(SlotTakenException.class,
            e -> assertThat(e.getMessage()).contains("busy in the provider's calendar"));
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
    assertThat(asked).containsExactly(new TimeRange(berlin(0, 10, 0), berlin(0, 11, 0)));
  }

  @Test
  @DisplayName("busy time next to the slot (touching, not overlapping) does not refuse it")
  void touchingBusyTimeDoesNotRefuse() {
    TimeRange before = new TimeRange(berlin(0, 9, 0), berlin(0, 10, 0));
    BookSlotService service = withExternal((r, w) -> Future.succeededFuture(List.of(before)));

    assertThat(service.book(command("t60", berlin(0, 10, 0), false, 1)).await().bookings()).hasSize(1);
  }

  @Test
  @DisplayName("a weekly series asks once for the whole span and is refused as a whole if one week is busy")
  void seriesIsCheckedAsAWhole() {
    TimeRange thirdWeek = TimeRange.of(berlin(14, 10, 0), Duration.ofMinutes(15));
    BookSlotService service = withExternal((r, w) -> Future.succeededFuture(List.of(thirdWeek)));

    assertThatThrownBy(() -> service.book(command("t60", berlin(0, 10, 0), false, 4)).await())
        .isInstanceOf(SlotTakenException.class);
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0).start()).isEqualTo(berlin(0, 10, 0));
    assertThat(asked.get(0).end()).isEqualTo(berlin(21, 11, 0));
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
  }

  @Test
  @DisplayName("a refusal by policy (calendar unreachable) fails the booking and stores nothing")
  void unreachableRefusalStoresNothing() {
    BookSlotService service = withExternal((r, w) -> Future.failedFuture(
        new SlotUnavailableException("the provider's calendar cannot be checked right now", List.of(w))));

    assertThatThrownBy(() -> service.book(command("t60", berlin(0, 10, 0), false, 1)).await())
        .hasMessageContaining("cannot be checked");
    assertThat(f.schedules.load("room").await().blocks()).isEmpty();
  }
}
