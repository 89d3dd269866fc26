package dev.dovetail.booking.port.in;

import io.vertx.core.Future;

public interface BookSlot {

  /**
   * Books the slot, or fails with a {@link dev.dovetail.booking.port.in.SlotTakenException} carrying the nearest
   * free alternatives.
   */
  Future<BookingReceipt> book(BookSlotCommand command);
}
