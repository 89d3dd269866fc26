package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** The booking-time check of a resource's external calendars, asked before its lock is taken (ADR 16). */
final class ExternalCheck {

  private final ExternalBusy externalBusy;

  ExternalCheck(ExternalBusy externalBusy) {
    this.externalBusy = externalBusy;
  }

  /** Fails with {@link SlotUnavailableException} when a block's span is busy in the resource's external calendars. */
  Future<Void> requireFree(String resourceId, List<Booking> made, List<Block> blocks) {
    Instant from = blocks.stream().map(b -> b.span().start()).min(Instant::compareTo).orElseThrow();
    Instant to = blocks.stream().map(b -> b.span().end()).max(Instant::compareTo).orElseThrow();
    return externalBusy.busy(resourceId, new TimeRange(from, to)).compose(busy -> {
      for (int i = 0; i < blocks.size(); i++) {
        TimeRange span = blocks.get(i).span();
        if (busy.stream().anyMatch(span::overlaps)) {
          TimeRange time = made.get(i).time();
          return Future.failedFuture(new SlotUnavailableException(
              "the time " + time.start() + " is busy in the provider's calendar", List.of(time)));
        }
      }
      return Future.succeededFuture();
    });
  }
}
