package dev.dovetail.sync.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.sync.domain.BookingMirror;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.domain.Grant;
import dev.dovetail.sync.domain.OutboundEvent;
import dev.dovetail.sync.domain.OutboundIds;
import dev.dovetail.sync.domain.WrittenEvent;
import dev.dovetail.sync.port.out.CalendarConnector;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out due booking mirrors: leases them in the store (so one node writes each), re-reads the booking and makes
 * the external event match it now: present (created, or updated with If-Match) while the booking blocks its resource,
 * absent otherwise. A stale etag (412) is re-read and the write retried once; rate limits and outages back off with
 * jitter; a revoked grant breaks the connection. A booking not written yet is waited for {@link #BOOKING_GRACE}, then
 * treated as absent (its write failed).
 */
public final class MirrorWriter {

  private static final Logger LOG = LoggerFactory.getLogger(MirrorWriter.class);
  public static final Duration BOOKING_GRACE = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration NOT_YET_WRITTEN_RETRY = Duration.ofSeconds(5);
  private static final Duration BROKEN_RETRY = Duration.ofHours(1);

  /** One run: how many mirrors it took and how many it completed. */
  public record Report(int claimed, int completed) {}

  private final SyncContext ctx;
  private final BookingRepository bookings;
  private final String owner;

  public MirrorWriter(SyncContext ctx, BookingRepository bookings, String owner) {
    this.ctx = ctx;
    this.bookings = bookings;
    this.owner = owner;
  }

  public Future<Report> runDue() {
    Instant now = ctx.clock().instant();
    return ctx.mirrors().claimDue(now, owner, LEASE, 25).compose(claimed -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (BookingMirror mirror : claimed) {
        chain = chain.compose(done -> write(mirror).map(ok -> ok ? done + 1 : done));
      }
      return chain.map(done -> new Report(claimed.size(), done));
    });
  }

  private Future<Boolean> write(BookingMirror mirror) {
    return ctx.connections().findById(mirror.connectionId()).compose(found -> {
      if (found.isEmpty()) {
        return complete(mirror.completed(mirror.requested(), null)); // disconnected: nothing to keep in step
      }
      Connection connection = found.get();
      if (!connection.connected()) {
        return complete(mirror.retryAt(ctx.clock().instant().plus(BROKEN_RETRY), "connection is broken"));
      }
      return bookings.findById(mirror.bookingId()).compose(booking -> write(connection, mirror, booking));
    }).recover(err -> {
      LOG.warn("writing booking {} to {} failed: {}", mirror.bookingId(), mirror.connectionId(), err.getMessage());
      return retry(mirror, err);
    });
  }

  private Future<Boolean> write(Connection connection, BookingMirror mirror, Optional<Booking> booking) {
    Instant now = ctx.clock().instant();
    if (booking.isEmpty() && mirror.createdAt().plus(BOOKING_GRACE).isAfter(now)) {
      return ctx.mirrors().complete(
          new BookingMirror(mirror.connectionId(), mirror.bookingId(), mirror.calendarId(), mirror.eventId(),
              mirror.etag(), mirror.requested(), mirror.done(), mirror.attempts(),
              now.plus(NOT_YET_WRITTEN_RETRY), null, BookingMirror.NO_LEASE, mirror.lastError(), mirror.createdAt()),
          owner).map(false);
    }
    CalendarConnector connector = ctx.connector(connection.provider());
    Grant grant = ctx.grant(connection);
    boolean present = booking.isPresent() && booking.get().blocksAt(now);
    if (!present) {
      Future<Void> removed = mirror.eventId() == null
          ? Future.succeededFuture()
          : deleteFresh(connector, grant, mirror);
      return removed.compose(v -> complete(mirror.completed(mirror.requested(), null)));
    }
    return outbound(connection, booking.get())
        .compose(event -> upsert(connector, grant, mirror, event))
        .compose(written -> complete(mirror.completed(mirror.requested(), written)));
  }

  private Future<OutboundEvent> outbound(Connection connection, Booking booking) {
    return ctx.resources().findById(booking.resourceId()).map((Optional<Resource> resource) -> {
      String where = resource.map(Resource::name).orElse(booking.resourceId());
      return new OutboundEvent(booking.id(), OutboundIds.proposedId(connection.id(), booking.id()),
          "Booking: " + booking.customerName() + " (" + where + ")",
          "Booked through Dovetail by " + booking.customerName() + " <" + booking.customerEmail() + ">.\n"
              + "Booking " + booking.id() + ". Change or cancel it in the Dovetail dashboard.",
          booking.time(), resource.map(Resource::zone).orElse(booking.customerZone()));
    });
  }

  private Future<WrittenEvent> upsert(
      CalendarConnector connector, Grant grant, BookingMirror mirror, OutboundEvent event) {
    if (mirror.eventId() == null) {
      return connector.create(grant, mirror.calendarId(), event);
    }
    return connector.update(grant, mirror.calendarId(), mirror.eventId(), mirror.etag(), event)
        .recover(err -> {
          if (!(err instanceof ConnectorException.EtagMismatch)) {
            return Future.failedFuture(err);
          }
          // Changed outside the hub: re-read, then write the booking over it (the booking is the truth).
          return connector.find(grant, mirror.calendarId(), mirror.eventId()).compose(current -> current.isEmpty()
              ? connector.create(grant, mirror.calendarId(), event)
              : connector.update(grant, mirror.calendarId(), mirror.eventId(), current.get().etag(), event));
        });
  }

  private Future<Void> deleteFresh(CalendarConnector connector, Grant grant, BookingMirror mirror) {
    return connector.delete(grant, mirror.calendarId(), mirror.eventId(), mirror.etag()).recover(err -> {
      if (!(err instanceof ConnectorException.EtagMismatch)) {
        return Future.failedFuture(err);
      }
      return connector.find(grant, mirror.calendarId(), mirror.eventId()).compose(current -> current.isEmpty()
          ? Future.succeededFuture()
          : connector.delete(grant, mirror.calendarId(), mirror.eventId(), current.get().etag()));
    });
  }

  private Future<Boolean> complete(BookingMirror next) {
    return ctx.mirrors().complete(next, owner).map(ok -> ok && !next.pending());
  }

  private Future<Boolean> retry(BookingMirror mirror, Throwable err) {
    Instant now = ctx.clock().instant();
    if (err instanceof ConnectorException.AuthorizationRevoked) {
      return ctx.markBroken(mirror.connectionId(), err.getMessage())
          .compose(v -> complete(mirror.retryAt(now.plus(BROKEN_RETRY), SyncEngine.describe(err))));
    }
    if (err instanceof ConnectorException.Rejected) {
      // The service refuses this write for good: stop retrying, keep the reason for the provider.
      BookingMirror given = mirror.completed(mirror.requested(), mirror.eventId() == null ? null
          : new WrittenEvent(mirror.eventId(), mirror.etag() == null ? "" : mirror.etag()));
      return complete(new BookingMirror(given.connectionId(), given.bookingId(), given.calendarId(),
          given.eventId(), given.etag(), given.requested(), given.done(), given.attempts(), given.nextAttemptAt(),
          null, BookingMirror.NO_LEASE, SyncEngine.describe(err), given.createdAt()));
    }
    long asked = err instanceof ConnectorException.RateLimited limited ? limited.retryAfterMillis() : 0;
    Duration wait = ctx.backoff().after(mirror.attempts() + 1, asked, ctx.random());
    return complete(mirror.retryAt(now.plus(wait), SyncEngine.describe(err)));
  }

  /** For tests and the status page: the mirrors of one connection. */
  public Future<List<BookingMirror>> mirrors(String connectionId) {
    return ctx.mirrors().listByConnection(connectionId);
  }
}
