package dev.dovetail.web.waitlist;

import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.waitlist.domain.RecoveredBookings;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.WaitlistSettings;
import dev.dovetail.waitlist.port.in.ManageWaitlist;
import dev.dovetail.waitlist.port.in.Waitlist;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** For an API built without a waitlist (tests of other parts): every call answers 404, lists are empty. */
public final class NoWaitlist implements Waitlist, ManageWaitlist {

  private static <T> Future<T> absent() {
    return Future.failedFuture(new NotFoundException("waitlist", "(this hub has no waitlist)"));
  }

  @Override
  public Future<Joined> join(JoinCommand command) {
    return absent();
  }

  @Override
  public Future<WaitlistEntry> leave(String leaveToken) {
    return absent();
  }

  @Override
  public Future<BookingReceipt> claim(String claimToken) {
    return absent();
  }

  @Override
  public Future<HeldOffer> offerOf(String claimToken) {
    return absent();
  }

  @Override
  public Future<Page<WaitlistEntry>> entries(String providerId, String bookingTypeId, PageRequest page) {
    return Future.succeededFuture(new Page<>(List.of(), null));
  }

  @Override
  public Future<WaitlistEntry> remove(String providerId, String entryId) {
    return absent();
  }

  @Override
  public Future<WaitlistSettings> settings(String providerId, String bookingTypeId) {
    return absent();
  }

  @Override
  public Future<WaitlistSettings> updateSettings(String providerId, WaitlistSettings settings) {
    return absent();
  }

  @Override
  public Future<WaitlistEntry> offer(String providerId, String entryId, Instant start) {
    return absent();
  }

  @Override
  public Future<RecoveredBookings> recovered(String providerId) {
    return Future.succeededFuture(new RecoveredBookings(0, List.of()));
  }
}
