package dev.dovetail.payment.app;

import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.BookingChange;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentState;
import dev.dovetail.payment.domain.RefundPolicy;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import java.util.List;

/**
 * What booking changes owe payments, recorded on the payment before the booking is written: an expired hold voids its
 * payment (cancels the intent, or refunds a payment that came anyway); a cancellation by the provider gives
 * everything back; a cancellation by the customer refunds what the policy says at the moment of cancelling (the
 * change's time, UTC). A booking not yet paid gives everything back. {@code nudge} asks for the work to be done soon.
 */
public class PaymentBookingEvents implements BookingEvents {

  private final PaymentRepository payments;
  private final PublicCatalog catalog;
  private final Runnable nudge;

  public PaymentBookingEvents(PaymentRepository payments, PublicCatalog catalog, Runnable nudge) {
    this.payments = payments;
    this.catalog = catalog;
    this.nudge = nudge;
  }

  @Override
  public Future<Void> record(List<BookingChange> changes) {
    Future<Boolean> chain = Future.succeededFuture(false);
    for (BookingChange change : changes) {
      if (change.kind() == BookingChange.Kind.EXPIRED || change.kind() == BookingChange.Kind.CANCELLED) {
        chain = chain.compose(owedBefore -> owe(change).map(owed -> owedBefore || owed));
      }
    }
    return chain.map(owed -> {
      if (owed) {
        nudge.run();
      }
      return null;
    });
  }

  private Future<Boolean> owe(BookingChange change) {
    String bookingId = change.booking().id();
    return payments.find(bookingId).compose(found -> {
      if (found.isEmpty() || found.get().state() == PaymentState.CANCELED) {
        return Future.succeededFuture(false);
      }
      return work(change, found.get()).compose(work -> Payments.change(payments, bookingId,
              p -> p.owe(work.owed(), work.minor(), change.booking().updatedAt()))
          .map(true)
          .recover(err -> err instanceof ConflictException ? Future.succeededFuture(false) : Future.failedFuture(err)));
    });
  }

  private record Work(Owed owed, long minor) {}

  private Future<Work> work(BookingChange change, Payment payment) {
    boolean unpaid = payment.state() == PaymentState.AWAITING;
    if (change.kind() == BookingChange.Kind.EXPIRED || unpaid || change.actor() != BookingChange.Actor.CUSTOMER) {
      return Future.succeededFuture(new Work(Owed.VOID, 0));
    }
    return catalog.offer(change.booking().bookingTypeId()).map(offer -> {
      int percent = RefundPolicy.percentAt(offer.type().cancellationPolicy(), change.booking().time().start(),
          change.booking().updatedAt());
      return percent == 100 ? new Work(Owed.VOID, 0)
          : new Work(Owed.REFUND, payment.held().percent(percent).minorUnits());
    }).recover(err -> err instanceof NotFoundException
        // The type is gone, and its policy with it: the customer gets everything back rather than a blocked cancel.
        ? Future.succeededFuture(new Work(Owed.VOID, 0))
        : Future.failedFuture(err));
  }
}
