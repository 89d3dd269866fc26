package dev.dovetail.stripe;

import com.stripe.StripeClient;
import com.stripe.param.PaymentIntentConfirmParams;
import dev.dovetail.booking.app.BookSlotService;
import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.app.ScheduleJanitor;
import dev.dovetail.booking.domain.BookingType;
import dev.dovetail.booking.domain.PaymentRequirement;
import dev.dovetail.booking.domain.Provider;
import dev.dovetail.booking.port.in.BookSlotCommand;
import dev.dovetail.booking.port.in.BookingReceipt;
import dev.dovetail.booking.port.out.BookingEvents;
import dev.dovetail.payment.app.PaidBookingGuard;
import dev.dovetail.payment.app.PaymentBookingEvents;
import dev.dovetail.payment.app.PaymentService;
import dev.dovetail.payment.app.PaymentSettler;
import dev.dovetail.payment.domain.PaymentSettings;
import dev.dovetail.payment.port.out.PaymentRepository;
import dev.dovetail.stripe.emulator.StripeEmulator;
import dev.dovetail.testkit.InMemoryCalendarObjectRepository;
import dev.dovetail.testkit.InMemoryBookingRepository;
import dev.dovetail.testkit.InMemoryCatalog;
import dev.dovetail.testkit.InMemoryPaymentRepository;
import dev.dovetail.testkit.InMemoryResourceLock;
import dev.dovetail.testkit.InMemoryScheduleRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.testkit.RecordingBookingEvents;
import dev.dovetail.testkit.TestBookings;
import dev.dovetail.testkit.TestPayments;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The booking and payment use cases over the in-memory reference adapters, the real {@link StripePaymentGateway}
 * talking to a {@link StripeEmulator} over loopback, and a webhook endpoint that hands each call's raw body to {@link
 * PaymentService#handle} (what the hub's {@code POST /hooks/stripe} does). One clock drives both sides.
 */
final class PaymentFixture implements AutoCloseable {

  static final String SECRET_KEY = "sk_test_dovetail";
  static final String PUBLISHABLE_KEY = "pk_test_dovetail";
  static final String WEBHOOK_SECRET = "whsec_dovetail";
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  /** Monday 2026-11-23 08:00 Berlin: an hour before opening. */
  static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T07:00:00Z");

  final Vertx vertx = Vertx.vertx();
  final MutableClock clock = new MutableClock(MONDAY_MORNING);
  final InMemoryCatalog.Providers providers = new InMemoryCatalog.Providers();
  final InMemoryCatalog.Resources resources = new InMemoryCatalog.Resources();
  final InMemoryCatalog.BookingTypes types = new InMemoryCatalog.BookingTypes();
  final InMemoryScheduleRepository schedules = new InMemoryScheduleRepository(clock);
  final InMemoryBookingRepository bookings = new InMemoryBookingRepository();
  final PaymentRepository payments;
  final RecordingBookingEvents recorded = new RecordingBookingEvents();
  final ManageTokens tokens = new ManageTokens("a key of at least thirty-two bytes!".getBytes());
  final CatalogService catalog = new CatalogService(providers, resources, types, bookings, schedules,
      new InMemoryCalendarObjectRepository(), clock);
  final StripeEmulator stripe;
  final StripePaymentGateway gateway;
  final PaymentSettler settler;
  final PaymentService service;
  final ManageBookingService manage;
  final PaidBookingGuard bookSlot;
  final ScheduleJanitor janitor;
  final StripeClient customer;
  final AtomicInteger webhookCalls = new AtomicInteger();
  final AtomicInteger webhookRefusals = new AtomicInteger();
  private final HttpServer endpoint;

  PaymentFixture() {
    this(new InMemoryPaymentRepository());
  }

  PaymentFixture(PaymentRepository paymentRepository) {
    this.payments = paymentRepository;
    stripe = StripeEmulator.start(vertx, SECRET_KEY, PUBLISHABLE_KEY, MONDAY_MORNING).await();
    gateway = new StripePaymentGateway(vertx, new StripePaymentGateway.Settings(SECRET_KEY, PUBLISHABLE_KEY,
        WEBHOOK_SECRET, stripe.apiBase()), clock);
    settler = new PaymentSettler(payments, gateway, clock);
    PaymentBookingEvents paymentEvents = new PaymentBookingEvents(payments, catalog, () -> { });
    BookingEvents events = BookingEvents.all(List.of(recorded, paymentEvents));
    InMemoryResourceLock lock = new InMemoryResourceLock();
    manage = new ManageBookingService(catalog, schedules, bookings, lock, events, tokens, clock);
    bookSlot = new PaidBookingGuard(new BookSlotService(catalog, schedules, bookings, lock, events, tokens, clock),
        catalog, true);
    janitor = new ScheduleJanitor(schedules, bookings, events, clock);
    service = new PaymentService(manage, manage, bookings, catalog, payments, Optional.of(gateway), settler, clock);
    endpoint = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(raw -> {
      webhookCalls.incrementAndGet();
      service.handle(raw.toString(StandardCharsets.UTF_8), req.getHeader("Stripe-Signature")).onComplete(ar -> {
        if (ar.failed()) {
          webhookRefusals.incrementAndGet();
          System.err.println("webhook refused: " + ar.cause());
        }
        req.response().setStatusCode(ar.succeeded() ? 200 : 400).end();
      });
    })).listen(0, "127.0.0.1").await();
    stripe.webhooks("http://127.0.0.1:" + endpoint.actualPort() + "/hooks/stripe", WEBHOOK_SECRET);
    customer = StripeClient.builder().setApiKey(SECRET_KEY).setApiBase(stripe.apiBase()).build();
    providers.insert(new Provider("acme", "Acme", "owner@acme.test", BERLIN, MONDAY_MORNING)).await();
    resources.insert(TestBookings.officeHours("room", "acme", BERLIN)).await();
    types.insert(TestPayments.paidType("paid", "acme", "room", 30, PaymentRequirement.FULL)).await();
    types.insert(TestPayments.paidType("deposit", "acme", "room", 30, PaymentRequirement.DEPOSIT)).await();
    types.insert(withHorizon(TestPayments.paidType("deposit-week", "acme", "room", 30, PaymentRequirement.DEPOSIT),
        PaymentSettings.MANUAL_CAPTURE_MAX_HORIZON)).await();
  }

  /** {@code t} bookable at most {@code horizon} ahead. */
  static BookingType withHorizon(BookingType t, Duration horizon) {
    return new BookingType(t.id(), t.providerId(), t.resourceId(), t.name(), t.durations(), t.slotInterval(),
        t.bufferBefore(), t.bufferAfter(), t.minimumNotice(), horizon, t.maxPerDay(), t.maxPerWeek(), t.price(),
        t.payment(), t.cancellationPolicy(), t.holdDuration(), t.reminders());
  }

  /** Moves both clocks: ours and Stripe's. */
  void advance(Duration by) {
    clock.advance(by);
    stripe.setClock(clock.instant());
  }

  BookingReceipt.Issued hold(String type, Instant start) {
    return bookSlot.book(new BookSlotCommand(type, start, null, BERLIN, "Zoë Ångström", "zoe@example.com", false, 1))
        .await().bookings().get(0);
  }

  /** The customer's browser confirming the intent with a test card (what Stripe.js does). */
  com.stripe.model.PaymentIntent pay(String intentId, String paymentMethod) throws Exception {
    return customer.v1().paymentIntents().confirm(intentId,
        PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).build());
  }

  BookingType type(String id) {
    return types.findById(id).await().orElseThrow();
  }

  /** 09:00 Berlin (plus minutes) on the day {@code dayOffset} days after Monday 2026-11-23. */
  static Instant berlin(int dayOffset, int hour, int minute) {
    return java.time.LocalDate.of(2026, 11, 23).plusDays(dayOffset).atTime(hour, minute).atZone(BERLIN).toInstant();
  }

  /** Waits (at most 10 s) until the condition holds: webhooks arrive asynchronously. */
  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s: " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  @Override
  public void close() {
    vertx.close().await();
  }
}
