package dev.dovetail.sync.port.out;

import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.Connection;
import io.vertx.core.Future;

/** Tells the provider what needs them (by mail, through the outbox): a broken connection, a conflicting booking. */
public interface SyncNotices {

  Future<Void> connectionBroken(Connection connection);

  Future<Void> bookingConflict(BookingConflict conflict);

  static SyncNotices none() {
    return new SyncNotices() {
      @Override
      public Future<Void> connectionBroken(Connection connection) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> bookingConflict(BookingConflict conflict) {
        return Future.succeededFuture();
      }
    };
  }
}
