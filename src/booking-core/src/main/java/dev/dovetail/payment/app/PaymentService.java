package dev.dovetail.payment.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.InvalidRequestException;
import dev.dovetail.booking.domain.Money;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.port.in.ManageBooking;
import dev.dovetail.booking.port.in.ProviderBookings;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.kernel.ConflictException;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.payment.domain.Owed;
import dev.dovetail.payment.domain.Payment;
import dev.dovetail.payment.domain.PaymentFailurePolicy;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.domain.PaymentState;
import dev.dovetail.payment.domain.PaymentsUnavailableException;
import dev.dovetail.payment.domain.RefundPolicy;
import dev.dovetail.payment.port.in.CustomerPayments;
import dev.dovetail.payment.port.in.PaymentWebhooks;
import dev.dovetail.payment.port.in.ProviderPayments;
import dev.dovetail.payment.port.out.PaymentGateway;
import dev.dovetail.payment.port.out.PaymentGateway.Intent;
import dev.dovetail.payment.port.out.PaymentGateway.Status;
import dev.dovetail.payment.port.out.PaymentRepository;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Payments of bookings. The customer holds a slot, {@link #start starts} paying (one intent per booking, created with
 * the key {@code dovetail-pi-<booking>}), confirms it in the browser; the payment service's webhook then confirms
 * the hold. Webhooks are only hints: every one re-reads the intent, so duplicates and any order end in the same
 * state. A payment that arrives when its hold can no longer be confirmed is given back (owed VOID, see {@link
 * PaymentSettler}). Without a gateway (no Stripe key configured) every call that needs one fails with {@link
 * PaymentsUnavailableException}.
 */
public class PaymentService implements CustomerPayments, ProviderPayments, PaymentWebhooks {

  private final ManageBooking manage;
  private final ProviderBookings providerBookings;
  private final BookingRepository bookings;
  private final PublicCatalog catalog;
  private final PaymentRepository payments;
  private final Optional<PaymentGateway> gateway;
  private final PaymentSettler settler;
  private final Clock clock;

  public PaymentService(ManageBooking manage, ProviderBookings providerBookings, BookingRepository bookings,
      PublicCatalog catalog, PaymentRepository payments, Optional<PaymentGateway> gateway, PaymentSettler settler,
      Clock clock) {
    this.manage = manage;
    this.providerBookings = providerBookings;
    this.bookings = bookings;
    this.catalog = catalog;
    this.payments = payments;
    this.gateway = gateway;
    this.settler = settler;
    this.clock = clock;
  }

  /** The idempotency key of a booking's payment intent: a retry after a crash finds the same intent. */
  public static String intentKey(String bookingId) {
    return "dovetail-pi-" + bookingId;
  }

  // ---- customer

  @Override
  public Future<Checkout> start(String manageToken) {
    PaymentGateway stripe;
    try {
      stripe = requireGateway();
    } catch (PaymentsUnavailableException e) {
      return Future.failedFuture(e);
    }
    return manage.find(manageToken).compose(booking -> {
      if (booking.status() != BookingStatus.HELD || !booking.blocksAt(clock.instant())) {
        return Future.failedFuture(new ConflictException(booking.status() == BookingStatus.HELD
            ? "the hold on this booking has expired; choose a time again"
            : "the booking is " + booking.status().name().toLowerCase() + ", there is nothing to pay"));
      }
      return catalog.offer(booking.bookingTypeId())
          .compose(offer -> paymentFor(booking, offer.type()))
          .compose(p -> {
            if (p.state() != PaymentState.AWAITING) {
              return Future.failedFuture(new ConflictException("the booking is already paid"));
            }
            if (p.intentId() != null) {
              return stripe.retrieve(p.intentId()).map(i -> new Checkout(p, i.clientSecret(), stripe.publishableKey(),
                  stripe.browserScript()));
            }
            return stripe.createIntent(p.bookingId(), p.amount(), p.manualCapture(), intentKey(p.bookingId()))
                .compose(intent -> change(p.bookingId(), q -> q.withIntent(intent.id(), clock.instant()))
                    .map(q -> new Checkout(q, intent.clientSecret(), stripe.publishableKey(),
                        stripe.browserScript())));
          });
    });
  }

  @Override
  public Future<Optional<Payment>> find(String manageToken) {
    return manage.find(manageToken).compose(b -> payments.find(b.id()));
  }

  @Override
  public Future<Optional<Payment>> refresh(String manageToken) {
    return manage.find(manageToken).compose(b -> payments.find(b.id())).compose(found -> {
      if (found.isEmpty() || found.get().intentId() == null || gateway.isEmpty()) {
        return Future.succeededFuture(found);
      }
      return gateway.get().retrieve(found.get().intentId())
          .compose(intent -> reconcile(found.get(), intent)).map(Optional::of);
    });
  }

  @Override
  public Future<RefundQuote> quote(String manageToken) {
    Instant now = clock.instant();
    return manage.find(manageToken).compose(booking -> catalog.offer(booking.bookingTypeId())
        .compose(offer -> payments.find(booking.id()).map(found -> {
          String currency = found.map(p -> p.amount().currency()).orElse(offer.type().price().currency());
          Money paid = found.filter(p -> p.state() == PaymentState.PAID || p.state() == PaymentState.AUTHORIZED)
              .map(Payment::held).orElse(Money.zero(currency));
          int percent = RefundPolicy.percentAt(offer.type().cancellationPolicy(), booking.time().start(), now);
          return new RefundQuote(paid, paid.percent(percent), percent);
        })));
  }

  // ---- webhooks

  @Override
  public Future<Void> handle(String rawBody, String signatureHeader) {
    PaymentGateway.Event event;
    try {
      event = requireGateway().verify(rawBody, signatureHeader);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    if (event.intentId() == null) {
      return Future.succeededFuture();
    }
    return payments.findByIntent(event.intentId()).compose(found -> found.isEmpty()
        ? Future.succeededFuture()
        : gateway.get().retrieve(event.intentId()).compose(intent -> reconcile(found.get(), intent)).mapEmpty());
  }

  /** Brings payment and booking in line with the intent: a paid or authorized intent confirms the hold. */
  Future<Payment> reconcile(Payment payment, Intent intent) {
    return settler.record(payment, intent).compose(p -> {
      if (intent.status() == Status.REQUIRES_PAYMENT && intent.failed() && p.state() == PaymentState.AWAITING) {
        return releaseAfterFailure(p);
      }
      if (intent.status() != Status.SUCCEEDED && intent.status() != Status.REQUIRES_CAPTURE) {
        return Future.succeededFuture(p);
      }
      return manage.confirmHold(p.bookingId()).map(p)
          .recover(err -> err instanceof ConflictException || err instanceof NotFoundException
              ? giveBackIfNeverBooked(p) : Future.failedFuture(err));
    }).compose(p -> p.owed() == Owed.NOTHING ? Future.succeededFuture(p)
        // Settling is retried by the sweep; the webhook has done its part once the work is recorded.
        : settler.settle(p.bookingId()).otherwise(p));
  }

  /**
   * The intent says the last payment failed (re-read, so a failure reported after a success changes nothing): under the
   * type's RELEASE policy the hold is released at once, which records a CANCELLED change whose owed VOID cancels the
   * intent. A hold already gone (confirmed, expired, cancelled) is left as it is.
   */
  private Future<Payment> releaseAfterFailure(Payment p) {
    return bookings.findById(p.bookingId()).compose(found -> {
      if (found.isEmpty() || found.get().status() != BookingStatus.HELD) {
        return Future.succeededFuture(p);
      }
      return payments.settings(found.get().bookingTypeId()).compose(settings -> {
        PaymentFailurePolicy policy = settings.map(PaymentSettings::onPaymentFailure)
            .orElse(PaymentFailurePolicy.RELEASE);
        if (policy != PaymentFailurePolicy.RELEASE) {
          return Future.succeededFuture(p);
        }
        return manage.releaseHold(p.bookingId()).<Void>mapEmpty()
            .recover(err -> err instanceof ConflictException ? Future.succeededFuture() : Future.failedFuture(err))
            .compose(v -> payments.find(p.bookingId())).map(q -> q.orElse(p));
      });
    });
  }

  /** The hold could not be confirmed: unless the booking was cancelled (that recorded its own refund), void it all. */
  private Future<Payment> giveBackIfNeverBooked(Payment p) {
    return bookings.findById(p.bookingId()).compose(found -> {
      boolean cancelled = found.map(b -> b.status() == BookingStatus.CANCELLED).orElse(false);
      boolean confirmed = found.map(b -> b.status() == BookingStatus.CONFIRMED).orElse(false);
      return cancelled || confirmed ? Future.succeededFuture(p)
          : change(p.bookingId(), q -> q.owe(Owed.VOID, 0, clock.instant()));
    });
  }

  // ---- provider

  @Override
  public boolean takesCardPayments() {
    return gateway.isPresent();
  }

  @Override
  public Future<PaymentSettings> settings(String providerId, String bookingTypeId) {
    return ownType(providerId, bookingTypeId).compose(type -> payments.settings(type.id())
        .map(found -> found.orElseGet(() -> PaymentSettings.defaults(type))));
  }

  @Override
  public Future<PaymentSettings> saveSettings(String providerId, PaymentSettings settings) {
    return ownType(providerId, settings.bookingTypeId()).compose(type -> {
      PaymentSettings saved = new PaymentSettings(type.id(), providerId, settings.deposit(), settings.manualCapture(),
          settings.onPaymentFailure());
      saved.requireChargeable(type);
      return payments.saveSettings(saved).map(saved);
    });
  }

  @Override
  public Future<Optional<Payment>> payment(String providerId, String bookingId) {
    return providerBookings.get(providerId, bookingId).compose(b -> payments.find(b.id()));
  }

  @Override
  public Future<Map<String, Payment>> payments(String providerId, List<String> bookingIds) {
    if (bookingIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return payments.findByBookings(bookingIds).map(found -> found.stream()
        .filter(p -> p.providerId().equals(providerId))
        .collect(Collectors.toMap(Payment::bookingId, Function.identity())));
  }

  @Override
  public Future<Payment> capture(String providerId, String bookingId) {
    return providerBookings.get(providerId, bookingId).compose(b -> payments.find(b.id())).compose(found -> {
      Payment p = found.orElseThrow(() -> new ConflictException("booking " + bookingId + " has no payment"));
      if (p.state() == PaymentState.PAID) {
        return Future.succeededFuture(p);
      }
      if (p.state() != PaymentState.AUTHORIZED) {
        return Future.failedFuture(new ConflictException("only an authorized payment can be captured; it is "
            + p.state().name().toLowerCase()));
      }
      requireGateway();
      return change(bookingId, q -> q.owe(Owed.CAPTURE, q.amount().minorUnits(), clock.instant()))
          .compose(q -> settler.settle(bookingId));
    });
  }

  @Override
  public Future<Payment> markNoShow(String providerId, String bookingId) {
    Instant now = clock.instant();
    return providerBookings.get(providerId, bookingId).compose(booking -> {
      if (booking.status() != BookingStatus.CONFIRMED) {
        return Future.failedFuture(new ConflictException("only a confirmed booking can be a no-show"));
      }
      if (now.isBefore(booking.time().start())) {
        return Future.failedFuture(new ConflictException("a no-show can be marked once the booking has started"));
      }
      return catalog.offer(booking.bookingTypeId()).compose(offer -> payments.find(bookingId).compose(found -> {
        Payment p = found.orElseThrow(() -> new ConflictException("booking " + bookingId + " has no payment"));
        if (p.noShow()) {
          return Future.succeededFuture(p);
        }
        if (p.state() != PaymentState.PAID && p.state() != PaymentState.AUTHORIZED) {
          return Future.failedFuture(new ConflictException("the booking was not paid"));
        }
        requireGateway();
        int percent = RefundPolicy.percentAt(offer.type().cancellationPolicy(), booking.time().start(),
            booking.time().start());
        long refund = p.held().percent(percent).minorUnits();
        return change(bookingId, q -> {
          Payment marked = q.markedNoShow(now);
          if (q.state() == PaymentState.AUTHORIZED) {
            return refund == 0 ? marked.owe(Owed.CAPTURE, q.amount().minorUnits(), now)
                : marked.owe(Owed.REFUND, refund, now);
          }
          return refund == 0 ? marked : marked.owe(Owed.REFUND, refund, now);
        }).compose(q -> q.owed() == Owed.NOTHING ? Future.succeededFuture(q) : settler.settle(bookingId));
      }));
    });
  }

  @Override
  public Future<Payment> refund(String providerId, String bookingId, Long refundedMinor) {
    return providerBookings.get(providerId, bookingId).compose(b -> payments.find(b.id())).compose(found -> {
      Payment p = found.orElseThrow(() -> new ConflictException("booking " + bookingId + " has no payment"));
      if (p.state() != PaymentState.PAID) {
        return Future.failedFuture(new ConflictException(p.state() == PaymentState.AUTHORIZED
            ? "the card is only authorized: capture the payment first, or cancel the booking to release it"
            : "only a paid booking can be refunded; its payment is " + p.state().name().toLowerCase()));
      }
      long total = refundedMinor == null ? p.captured() : refundedMinor;
      if (total < 0 || total > p.captured()) {
        return Future.failedFuture(new InvalidRequestException("'refundedMinor' is between 0 and the "
            + p.captured() + " captured"));
      }
      if (total < p.refunded()) {
        return Future.failedFuture(new ConflictException(p.refunded() + " is refunded already; a refund cannot be"
            + " taken back"));
      }
      if (total == p.refunded()) {
        return Future.succeededFuture(p);
      }
      if (p.owed() != Owed.NOTHING) {
        return Future.failedFuture(new ConflictException("earlier work on this payment is still being carried out;"
            + " try again in a moment"));
      }
      requireGateway();
      return change(bookingId, q -> q.refunded() == p.refunded()
          ? q.owe(Owed.REFUND, total - q.refunded(), clock.instant()) : q)
          .compose(q -> settler.settle(bookingId));
    });
  }

  // ---- helpers

  private Future<Payment> paymentFor(Booking booking, BookingType type) {
    if (type.payment() == PaymentRequirement.NONE) {
      return Future.failedFuture(new ConflictException("this booking type takes no payment"));
    }
    return payments.find(booking.id()).compose(found -> found.isPresent()
        ? Future.succeededFuture(found.get())
        : payments.settings(type.id()).compose(settings -> {
          PaymentSettings s = settings.orElseGet(() -> PaymentSettings.defaults(type));
          Money due;
          try {
            due = s.amountDue(type);
          } catch (IllegalStateException e) {
            return Future.failedFuture(new InvalidRequestException(e.getMessage()));
          }
          Payment created = Payment.awaiting(booking.id(), booking.providerId(), due, s.manualCapture(),
              clock.instant());
          return payments.insert(created).map(created)
              .recover(err -> err instanceof ConflictException
                  ? payments.find(booking.id()).map(Optional::orElseThrow) : Future.failedFuture(err));
        }));
  }

  private Future<BookingType> ownType(String providerId, String bookingTypeId) {
    return catalog.offer(bookingTypeId).compose(offer -> offer.type().providerId().equals(providerId)
        ? Future.succeededFuture(offer.type())
        : Future.failedFuture(new NotFoundException("booking type", bookingTypeId)));
  }

  private PaymentGateway requireGateway() {
    return gateway.orElseThrow(() -> new PaymentsUnavailableException(
        "this hub takes no card payments: set DOVETAIL_STRIPE_SECRET_KEY to enable them"));
  }

  private Future<Payment> change(String bookingId, Function<Payment, Payment> f) {
    return Payments.change(payments, bookingId, f);
  }
}
