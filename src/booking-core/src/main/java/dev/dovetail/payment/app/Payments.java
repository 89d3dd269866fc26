package dev.dovetail.payment.app;

import dev.dovetail.kernel.ConflictException;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import java.util.function.Function;

/** Compare-and-set changes to one payment, retried on a concurrent write. */
final class Payments {

  private static final int ATTEMPTS = 8;

  private Payments() {}

  /** Applies {@code change} to the freshest payment of the booking and writes it (if it changed). */
  static Future<Payment> change(PaymentRepository repo, String bookingId, Function<Payment, Payment> change) {
    return attempt(repo, bookingId, change, ATTEMPTS);
  }

  private static Future<Payment> attempt(PaymentRepository repo, String bookingId, Function<Payment, Payment> change,
      int left) {
    return repo.find(bookingId).compose(found -> {
      Payment current = found.orElseThrow(() -> new ConflictException("booking " + bookingId + " has no payment"));
      Payment changed = change.apply(current);
      if (changed == current) {
        return Future.succeededFuture(current);
      }
      Payment next = changed.asSuccessorOf(current);
      return repo.update(next).map(next).recover(err -> err instanceof ConflictException && left > 1
          ? attempt(repo, bookingId, change, left - 1)
          : Future.failedFuture(err));
    });
  }
}
