package dev.dovetail.app;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.payment.app.PaidBookingGuard;
import dev.dovetail.payment.app.PaymentBookingEvents;
import dev.dovetail.payment.app.PaymentService;
import dev.dovetail.payment.app.PaymentSettler;
import dev.dovetail.payment.port.out.PaymentGateway;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.stripe.StripePaymentGateway;
import dev.dovetail.web.payment.PaymentPages;
import dev.dovetail.web.payment.StripeHooks;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment wiring of one hub. With {@code DOVETAIL_STRIPE_SECRET_KEY} set: the Stripe gateway, the booking-change
 * consumer (expiry and cancellation owe refunds), a settler that carries out owed work soon after it is recorded and
 * every {@value #PERIOD_MS} ms (safe on every node: compare-and-set writes, idempotency keys), and {@code POST
 * /hooks/stripe}. Without it, types that take payment are refused with 503 and nothing is sent to Stripe.
 */
final class Payments {

  private static final Logger LOG = LoggerFactory.getLogger(Payments.class);
  static final long PERIOD_MS = 30_000;
  static final long NUDGE_DELAY_MS = 250;
  private static final String API = "https://api.stripe.com";

  private final Vertx vertx;
  private final AppConfig.Stripe stripe;
  private final MongoStore store;
  private final PaymentRepository payments;
  private final CatalogService catalog;
  private final Clock clock;
  private final Optional<PaymentGateway> gateway;
  private final PaymentSettler settler;
  private final OneRunAtATime sweeps = new OneRunAtATime("payment settling", Duration.ofMillis(PERIOD_MS));
  private final PaymentBookingEvents events;
  private final AtomicBoolean nudged = new AtomicBoolean();

  private Payments(Vertx vertx, AppConfig.Stripe stripe, MongoStore store, PaymentRepository payments,
      CatalogService catalog, Clock clock, Optional<PaymentGateway> gateway) {
    this.vertx = vertx;
    this.stripe = stripe;
    this.store = store;
    this.payments = payments;
    this.catalog = catalog;
    this.clock = clock;
    this.gateway = gateway;
    this.settler = gateway.map(g -> new PaymentSettler(payments, g, clock)).orElse(null);
    this.events = new PaymentBookingEvents(payments, catalog, this::nudge);
  }

  /** @param payments the payments store to use (the store's, with its webhook events recorded) */
  static Payments wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store, PaymentRepository payments,
      CatalogService catalog) {
    AppConfig.Stripe stripe = config.stripe();
    Optional<PaymentGateway> gateway = Optional.empty();
    if (stripe.enabled()) {
      gateway = Optional.of(new StripePaymentGateway(vertx, new StripePaymentGateway.Settings(stripe.secretKey(),
          stripe.publishableKey(), stripe.webhookSecret(), stripe.apiBase(), stripe.jsUrl()), clock));
      LOG.info("card payments through Stripe{} (API version {}); webhooks at {}{}",
          stripe.apiBase() == null ? "" : " at " + stripe.apiBase(), StripePaymentGateway.API_VERSION,
          config.http().publicUrl().replaceAll("/+$", ""), StripeHooks.PATH);
    } else {
      LOG.info("no DOVETAIL_STRIPE_SECRET_KEY: booking types that take payment are refused (503)");
    }
    return new Payments(vertx, stripe, store, payments, catalog, clock, gateway);
  }

  /** The consumer of booking changes, for {@code BookingEvents.all}. */
  BookingEvents events() {
    return events;
  }

  /** Booking through this makes paid types holds (or refuses them without Stripe). */
  BookSlot guard(BookSlot inner) {
    return new PaidBookingGuard(inner, catalog, gateway.isPresent());
  }

  /**
   * The payment use cases over the booking use cases. Nothing here waits for them: the consumer and the guard above
   * are built first because booking takes them, this comes after because it takes booking.
   */
  PaymentService service(ManageBookingService manage) {
    return new PaymentService(manage, manage, store.bookings(), catalog, payments, gateway, settler, clock);
  }

  /**
   * {@code POST /hooks/stripe} for {@code service}, and (with Stripe) a policy that lets the confirmation page load
   * Stripe.js.
   */
  Router mount(Router router, PaymentService service) {
    StripeHooks.mount(router, service);
    return stripe.enabled()
        ? PaymentPages.allowStripe(router, stripe.jsUrl(), stripe.apiBase() == null ? API : stripe.apiBase())
        : router;
  }

  /** Starts the periodic settling (a no-op timer without Stripe); returns its timer id. */
  long start() {
    return vertx.setPeriodic(PERIOD_MS, id -> sweep());
  }

  private void nudge() {
    if (settler != null && nudged.compareAndSet(false, true)) {
      vertx.setTimer(NUDGE_DELAY_MS, id -> {
        nudged.set(false);
        sweep();
      });
    }
  }

  private void sweep() {
    if (settler != null) {
      sweeps.tick(settler::sweep);
    }
  }
}
