package dev.dovetail.payment.app;

import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentState;
import dev.dovetail.payment.port.out.PaymentGateway;
import dev.dovetail.payment.port.out.PaymentGateway.Intent;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Carries out the work payments owe (see {@link Owed}) at the payment service, then records it as done. Always reads
 * the intent first, so whatever happened meanwhile (the customer paid after all, another node already settled) is
 * taken into account; every call carries an idempotency key made of the booking, the work and the amount, so a retry
 * after a crash repeats nothing. Safe to run on every node at once.
 */
public class PaymentSettler {

  private static final int BATCH = 100;

  private final PaymentRepository payments;
  private final PaymentGateway gateway;
  private final Clock clock;
  /** This node's settle in progress per booking: a second call starts after it (a webhook and a provider's refund). */
  private final Map<String, Future<Payment>> inProgress = new ConcurrentHashMap<>();

  public PaymentSettler(PaymentRepository payments, PaymentGateway gateway, Clock clock) {
    this.payments = payments;
    this.gateway = gateway;
    this.clock = clock;
  }

  /** Settles every payment with owed work; returns how many were settled. A failed one stays owed for the next run. */
  public Future<Integer> sweep() {
    return payments.findOwed(BATCH).compose(owed -> {
      Future<Integer> chain = Future.succeededFuture(0);
      for (Payment p : owed) {
        chain = chain.compose(n -> settle(p.bookingId()).map(n + 1).otherwise(n));
      }
      return chain;
    });
  }

  /**
   * Carries out the owed work of one booking's payment, if any. On this node one settle per booking runs at a time: a
   * call made while one is in progress starts when it ends, and reads what it left.
   */
  public Future<Payment> settle(String bookingId) {
    Future<Payment> mine = inProgress.compute(bookingId, (id, running) -> running == null ? settleNow(id)
        : running.transform(ended -> settleNow(id)));
    mine.onComplete(ended -> inProgress.remove(bookingId, mine));
    return mine;
  }

  private Future<Payment> settleNow(String bookingId) {
    return payments.find(bookingId).compose(found -> {
      if (found.isEmpty() || found.get().owed() == Owed.NOTHING) {
        return Future.succeededFuture(found.orElse(null));
      }
      Payment p = found.get();
      if (p.intentId() == null) {
        return change(bookingId, q -> q.intentId() != null ? q
            : (q.state() == PaymentState.AWAITING ? q.canceled(clock.instant()) : q).settled(clock.instant()))
            .compose(q -> q.intentId() != null ? settleNow(bookingId) : Future.succeededFuture(q));
      }
      return gateway.retrieve(p.intentId()).compose(intent -> act(p, intent));
    });
  }

  private Future<Payment> act(Payment p, Intent intent) {
    String id = p.bookingId();
    switch (intent.status()) {
      case CANCELED:
        return record(p, intent).compose(q -> change(id, r -> r.settled(clock.instant())));
      case PROCESSING:
        return Future.succeededFuture(p); // neither cancellable nor refundable yet: the next sweep retries
      case REQUIRES_PAYMENT:
        if (p.owed() == Owed.CAPTURE) {
          return change(id, r -> r.settled(clock.instant()));
        }
        return gateway.cancel(intent.id(), key(p, "cancel", 0)).compose(i -> record(p, i))
            .compose(q -> change(id, r -> r.settled(clock.instant())));
      case REQUIRES_CAPTURE:
        long keep = switch (p.owed()) {
          case VOID, NOTHING -> 0;
          case REFUND -> Math.max(0, intent.amount() - p.owedMinor());
          case CAPTURE -> intent.amount();
        };
        Future<Intent> done = keep > 0
            ? gateway.capture(intent.id(), keep, key(p, "capture", keep))
            : gateway.cancel(intent.id(), key(p, "cancel", 0));
        return done.compose(i -> record(p, i)).compose(q -> change(id, r -> r.settled(clock.instant())));
      case SUCCEEDED:
      default:
        return record(p, intent).compose(q -> {
          long refundable = q.captured() - q.refunded();
          long refund = switch (q.owed()) {
            case VOID -> refundable;
            case REFUND -> Math.min(q.owedMinor(), refundable);
            case CAPTURE, NOTHING -> 0;
          };
          if (refund <= 0) {
            return change(id, r -> r.settled(clock.instant()));
          }
          return gateway.refund(intent.id(), refund, refundKey(q, refund))
              .compose(v -> change(id, r -> r.refundedTotal(q.refunded() + refund, clock.instant())
                  .settled(clock.instant())));
        });
    }
  }

  /** Brings the payment in line with the intent's status (paid, authorized or canceled). */
  Future<Payment> record(Payment p, Intent intent) {
    return change(p.bookingId(), q -> switch (intent.status()) {
      case SUCCEEDED -> q.paid(intent.received(), clock.instant());
      case REQUIRES_CAPTURE -> q.authorized(clock.instant());
      case CANCELED -> q.state() == PaymentState.PAID ? q : q.canceled(clock.instant());
      default -> q;
    });
  }

  private Future<Payment> change(String bookingId, Function<Payment, Payment> f) {
    return Payments.change(payments, bookingId, f);
  }

  /**
   * A refund's key also names what was refunded before it (when anything was), so a second partial refund of the same
   * amount is a refund of its own, while a retry of either repeats nothing.
   */
  static String refundKey(Payment p, long amount) {
    return key(p, "refund", amount) + (p.refunded() == 0 ? "" : "-after-" + p.refunded());
  }

  /** An idempotency key made of the booking, the work and the amount: the same work is never done twice. */
  static String key(Payment p, String work, long amount) {
    return "dovetail-" + work + "-" + p.bookingId() + "-" + p.owed().name().toLowerCase() + "-" + amount;
  }
}
