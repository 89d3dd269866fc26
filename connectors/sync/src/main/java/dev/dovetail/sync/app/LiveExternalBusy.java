package dev.dovetail.sync.app;

import dev.dovetail.booking.domain.Block;
import dev.dovetail.booking.domain.SlotUnavailableException;
import dev.dovetail.booking.port.out.ExternalBusy;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.UnreachablePolicy;
import dev.dovetail.sync.port.out.FreeBusySupport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking-time check: asks each connected account's free/busy for the calendars that block the resource, waiting
 * at most {@code timeout}. Busy periods that lie within the resource's own booking blocks are the hub's own events
 * (or are blocked anyway) and are dropped. If an account does not answer in time: its connection's {@link
 * UnreachablePolicy} refuses the booking or accepts it on the last synced data.
 */
public final class LiveExternalBusy implements ExternalBusy {

  private static final Logger LOG = LoggerFactory.getLogger(LiveExternalBusy.class);

  private final SyncContext ctx;
  private final Vertx vertx;
  private final Duration timeout;

  public LiveExternalBusy(SyncContext ctx, Vertx vertx, Duration timeout) {
    this.ctx = ctx;
    this.vertx = vertx;
    this.timeout = timeout;
  }

  @Override
  public Future<List<TimeRange>> busy(String resourceId, TimeRange window) {
    return ctx.resources().findById(resourceId).compose(resource -> resource.isEmpty()
        ? Future.succeededFuture(List.of())
        : ctx.connections().listByProvider(resource.get().providerId())
            .compose(connections -> {
              List<Future<List<TimeRange>>> asks = new ArrayList<>();
              for (Connection c : connections) {
                List<String> calendars = c.calendarsBlocking(resourceId);
                Optional<FreeBusySupport> freeBusy = ctx.capability(c.provider(), FreeBusySupport.class);
                if (c.connected() && !calendars.isEmpty() && freeBusy.isPresent()) {
                  asks.add(ask(freeBusy.get(), c, calendars, window));
                }
              }
              return Future.all(asks).map(all -> {
                List<TimeRange> busy = new ArrayList<>();
                for (int i = 0; i < asks.size(); i++) {
                  busy.addAll(all.<List<TimeRange>>resultAt(i));
                }
                return busy;
              });
            })
            .compose(busy -> busy.isEmpty() ? Future.succeededFuture(busy) : withoutOwnBookings(resourceId, busy)));
  }

  private Future<List<TimeRange>> ask(FreeBusySupport freeBusy, Connection connection, List<String> calendars,
      TimeRange window) {
    Promise<List<TimeRange>> answer = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> answer.tryFail(
        new TimeoutException("no free/busy answer within " + timeout)));
    Future<List<TimeRange>> call;
    try {
      call = freeBusy.busy(ctx.grant(connection), calendars, window);
    } catch (RuntimeException e) {
      call = Future.failedFuture(e);
    }
    call.onComplete(done -> {
      vertx.cancelTimer(timer);
      if (done.succeeded()) {
        answer.tryComplete(done.result());
      } else {
        answer.tryFail(done.cause());
      }
    });
    return answer.future().recover(err -> {
      LOG.info("free/busy of {} unavailable ({}); policy {}", connection.id(), err.getMessage(),
          connection.whenUnreachable());
      if (connection.whenUnreachable() == UnreachablePolicy.REFUSE) {
        return Future.failedFuture(new SlotUnavailableException(
            "the provider's " + connection.provider().key() + " calendar cannot be checked right now; try again shortly",
            List.of(window)));
      }
      return Future.succeededFuture(List.of());
    });
  }

  private Future<List<TimeRange>> withoutOwnBookings(String resourceId, List<TimeRange> busy) {
    return ctx.schedules().load(resourceId).map(schedule -> {
      List<TimeRange> bookingSpans = schedule.blocks().stream()
          .filter(b -> b.kind() == Block.Kind.BOOKING).map(Block::span).toList();
      return busy.stream().filter(b -> bookingSpans.stream().noneMatch(s -> s.encloses(b))).toList();
    });
  }
}
