package dev.dovetail.testkit;

import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reference adapter: keeps every recorded change, in order. */
public class RecordingBookingEvents implements BookingEvents {

  private final List<BookingChange> changes = new CopyOnWriteArrayList<>();

  @Override
  public Future<Void> record(List<BookingChange> recorded) {
    changes.addAll(recorded);
    return Future.succeededFuture();
  }

  public List<BookingChange> changes() {
    return List.copyOf(changes);
  }
}
