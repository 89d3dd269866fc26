package dev.dovetail.sync.testkit;

import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.port.out.SyncNotices;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers what the provider would have been told. */
public final class RecordingSyncNotices implements SyncNotices {

  public final List<Connection> broken = new CopyOnWriteArrayList<>();
  public final List<BookingConflict> conflicts = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> connectionBroken(Connection connection) {
    broken.add(connection);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> bookingConflict(BookingConflict conflict) {
    conflicts.add(conflict);
    return Future.succeededFuture();
  }
}
