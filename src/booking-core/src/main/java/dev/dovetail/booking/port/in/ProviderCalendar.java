package dev.dovetail.booking.port.in;

import dev.dovetail.kernel.TimeRange;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The provider's calendar views and desk: what fills its resources' time over a range (for the dashboard's day and
 * week grids), and bookings the provider takes for a customer (by phone). Every call is scoped to the provider.
 */
public interface ProviderCalendar {

  /** The longest range one schedule request may cover. */
  Duration MAX_WINDOW = Duration.ofDays(31);
  /** The most resources one schedule request shows side by side. */
  int MAX_RESOURCES = 50;

  /**
   * The opening hours and blocks of one of the provider's resources ({@code resourceId}), or of its first {@link
   * #MAX_RESOURCES} resources (null), over {@code window} (at most {@link #MAX_WINDOW}).
   */
  Future<ScheduleView> schedule(String providerId, String resourceId, TimeRange window);

  /**
   * Books for a customer through the same guarded path as the booking page ({@link BookSlot}): the booking type must
   * be the provider's own; the customer gets the usual mails.
   */
  Future<BookingReceipt> book(String providerId, BookSlotCommand command);
}
