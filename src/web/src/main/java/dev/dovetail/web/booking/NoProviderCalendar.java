package dev.dovetail.web.booking;

import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.ProviderCalendar;
import dev.dovetail.booking.port.in.ScheduleView;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.web.http.ApiProblem;
import io.vertx.core.Future;
import java.util.Map;

/** For an API built without the provider calendar (tests of other parts): every call answers 503. */
public final class NoProviderCalendar implements ProviderCalendar {

  private static <T> Future<T> off() {
    return Future.failedFuture(new ApiProblem(503, "provider-calendar-unavailable", "Not available",
        "this hub was built without the provider calendar", Map.of()));
  }

  @Override
  public Future<ScheduleView> schedule(String providerId, String resourceId, TimeRange window) {
    return off();
  }

  @Override
  public Future<BookingReceipt> book(String providerId, BookSlotCommand command) {
    return off();
  }
}
