package dev.dovetail.sync.app;

import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.sync.domain.Connection;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves conflict flags when the booking moves away: on CANCELLED, EXPIRED or RESCHEDULED of a flagged booking the
 * flag is cleared, and every external calendar that blocks its resource is read in full again shortly after (the
 * booking's time is released after this change is recorded), so the external event that was cut around the booking
 * blocks its whole time again, or is flagged again if it still lands on the moved booking.
 */
public final class ConflictWatch implements BookingEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ConflictWatch.class);
  /** After this the booking's release is written; a sync before it would cut the event around the booking again. */
  static final Duration RESYNC_DELAY = Duration.ofSeconds(2);

  private final SyncContext ctx;

  public ConflictWatch(SyncContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    Future<Void> chain = Future.succeededFuture();
    for (BookingChange change : changes) {
      if (change.kind() == BookingChange.Kind.CANCELLED || change.kind() == BookingChange.Kind.EXPIRED
          || change.kind() == BookingChange.Kind.RESCHEDULED) {
        chain = chain.compose(v -> resolve(change));
      }
    }
    return chain;
  }

  private Future<Void> resolve(BookingChange change) {
    String bookingId = change.booking().id();
    return ctx.conflicts().find(bookingId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture();
      }
      String resourceId = found.get().resourceId();
      // Not waited for: the resync is housekeeping and must not hold up the booking change.
      ctx.connections().listByProvider(change.booking().providerId())
          .compose(connections -> resyncLater(connections, resourceId))
          .onFailure(err -> LOG.warn("scheduling a resync after {} failed: {}", bookingId, err.getMessage()));
      return ctx.conflicts().clear(bookingId);
    });
  }

  private Future<Void> resyncLater(List<Connection> connections, String resourceId) {
    Future<Void> chain = Future.succeededFuture();
    for (Connection c : connections) {
      for (String calendarId : c.calendarsBlocking(resourceId)) {
        chain = chain.compose(v -> ctx.lock().withLock("sync:" + c.id() + ":" + calendarId,
            () -> ctx.states().find(c.id(), calendarId).compose(state -> state.isEmpty()
                ? Future.succeededFuture()
                : ctx.states().save(state.get().wiped().dueAt(ctx.clock().instant().plus(RESYNC_DELAY))))));
      }
    }
    return chain;
  }
}
