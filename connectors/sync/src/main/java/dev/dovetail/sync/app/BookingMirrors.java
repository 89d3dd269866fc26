package dev.dovetail.sync.app;

import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.sync.domain.Connection;
import io.vertx.core.Future;
import java.util.List;

/**
 * The outbound half's {@link BookingEvents} consumer: for every booking change it records a write job (a {@code
 * BookingMirror} request) for each connected calendar account of the booking's provider that has a target calendar.
 * Recording twice is harmless; the writer acts on the booking as it is when it runs, after the booking write.
 */
public final class BookingMirrors implements BookingEvents {

  private final SyncContext ctx;
  private final Runnable nudge;

  /** {@code nudge} asks the writer to run soon (it also runs periodically). */
  public BookingMirrors(SyncContext ctx, Runnable nudge) {
    this.ctx = ctx;
    this.nudge = nudge;
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    Future<Void> chain = Future.succeededFuture();
    for (BookingChange change : changes) {
      String providerId = change.booking().providerId();
      String bookingId = change.booking().id();
      chain = chain.compose(v -> ctx.connections().listByProvider(providerId)).compose(connections -> {
        Future<Void> each = Future.succeededFuture();
        for (Connection c : connections) {
          if (c.targetCalendarId() != null && ctx.connectors().containsKey(c.provider())) {
            each = each.compose(
                w -> ctx.mirrors().request(c.id(), bookingId, c.targetCalendarId(), ctx.clock().instant()));
          }
        }
        return each;
      });
    }
    return chain.andThen(done -> {
      if (done.succeeded()) {
        nudge.run();
      }
    });
  }
}
