package dev.dovetail.booking.app;

import dev.dovetail.booking.domain.BookingLimits;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.in.PublicCatalog;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The public booking's abuse limits, as the booking type's provider tuned them ({@link BookingLimits}, ADR 35): a
 * series longer than the type allows is refused (400: no retry would help), and a hold (a series is one) beyond the type's holds per
 * customer e-mail or per client address in its window is refused with 429 and the seconds until one frees. Only
 * public requests pass here; the hub's own holds (waitlist offers) book directly.
 */
public class BookingLimitsGuard implements BookSlot {

  private final BookSlot inner;
  private final PublicCatalog catalog;
  private final HoldLedger ledger;
  private final Clock clock;

  public BookingLimitsGuard(BookSlot inner, PublicCatalog catalog, HoldLedger ledger, Clock clock) {
    this.inner = inner;
    this.catalog = catalog;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Override
  public Future<BookingReceipt> book(BookSlotCommand command) {
    return catalog.offer(command.bookingTypeId()).compose(offer -> {
      BookingLimits limits = offer.type().limits();
      if (command.weeklyOccurrences() > limits.maxWeeklyOccurrences()) {
        return Future.failedFuture(new InvalidRequestException("this booking type books a series of at most "
            + limits.maxWeeklyOccurrences() + " weeks"));
      }
      if (!command.hold()) {
        return inner.book(command);
      }
      List<HoldLedger.Limit> keys = keys(command, limits);
      // A weekly series is one checkout, so one hold: counting its weeks would refuse every paid series longer than
      // the per-e-mail limit (12 weeks allowed, 5 holds) with a 429 that no wait could lift.
      int count = 1;
      Instant now = clock.instant();
      try {
        ledger.take(keys, count, now);
      } catch (RuntimeException refused) {
        return Future.failedFuture(refused);
      }
      return inner.book(command).onFailure(err -> ledger.giveBack(keys, count, now));
    });
  }

  private static List<HoldLedger.Limit> keys(BookSlotCommand command, BookingLimits limits) {
    List<HoldLedger.Limit> keys = new ArrayList<>(2);
    String type = command.bookingTypeId();
    if (limits.holdsPerEmail() > 0 && command.customerEmail() != null) {
      String email = command.customerEmail().strip().toLowerCase(Locale.ROOT);
      keys.add(new HoldLedger.Limit("email\n" + type + "\n" + email, limits.holdsPerEmail(), limits.holdWindow(),
          "for this e-mail address"));
    }
    if (limits.holdsPerAddress() > 0 && command.clientAddress() != null) {
      keys.add(new HoldLedger.Limit("address\n" + type + "\n" + command.clientAddress(), limits.holdsPerAddress(),
          limits.holdWindow(), "from this network address"));
    }
    return keys;
  }
}
