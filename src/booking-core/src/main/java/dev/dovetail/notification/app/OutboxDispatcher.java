package dev.dovetail.notification.app;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.Resource;
import dev.dovetail.booking.port.in.PublicCatalog;
import dev.dovetail.booking.port.out.BookingRepository;
import dev.dovetail.kernel.NotFoundException;
import dev.dovetail.notification.domain.DeliveryException;
import dev.dovetail.notification.domain.DeliveryPolicy;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageContext;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.notification.port.out.Mailer;
import dev.dovetail.notification.port.out.MessageComposer;
import dev.dovetail.notification.port.out.MessageRenderer;
import dev.dovetail.notification.port.out.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;

/**
 * Sends what the outbox owes. Safe to run on every hub node at once: a message is taken with a lease written in the
 * store (a conditional single-document update), so only one node holds it; only the holder may record its outcome,
 * and a holder that dies leaves the lease to expire, after which another node takes it.
 *
 * <p>For each message taken: re-read the booking (once per batch for the messages of one booking) and let the
 * {@link DeliveryPolicy} decide (send, wait for the booking write, or skip); render; check the lease is still ours;
 * send; and record SENT right after the mail server accepted it. A transient failure makes it PENDING again with
 * exponential backoff and jitter; a permanent one (the server refused the address) makes it FAILED, visible to the
 * provider. The one duplicate window is a crash (or a lost store) between the server's acceptance and that SENT write:
 * the next holder sends the mail again, with the same Message-ID. See docs/notifications.md.
 */
public class OutboxDispatcher {

  /**
   * How a dispatcher works. {@code lease} must exceed the longest send (the mail client's timeouts); {@code
   * writeGrace} is how long a message may wait for its booking write before it is skipped.
   */
  public record Settings(
      String nodeId,
      Duration lease,
      int batchSize,
      int concurrency,
      int maxBatchesPerRun,
      Duration retryBase,
      Duration retryMax,
      Duration giveUpAfter,
      Duration waitStep,
      Duration writeGrace) {

    public Settings {
      Objects.requireNonNull(nodeId, "nodeId");
      if (batchSize < 1 || concurrency < 1 || maxBatchesPerRun < 1) {
        throw new IllegalArgumentException("batch size, concurrency and batches per run must be positive");
      }
    }

    /** 2-minute leases, batches of 100 sent 8 at a time, retries from 30 s doubling to 30 min, give up after 3 days. */
    public static Settings defaults(String nodeId) {
      return new Settings(nodeId, Duration.ofMinutes(2), 100, 8, 50, Duration.ofSeconds(30), Duration.ofMinutes(30),
          Duration.ofDays(3), Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    public Settings withConcurrency(int newConcurrency) {
      return new Settings(nodeId, lease, batchSize, newConcurrency, maxBatchesPerRun, retryBase, retryMax, giveUpAfter,
          waitStep, writeGrace);
    }
  }

  /** What one run did. {@code lost}: outcomes not recorded because the lease had passed to another node. */
  public record Report(int claimed, int sent, int retried, int failed, int skipped, int waiting, int lost) {}

  private final OutboxRepository outbox;
  private final BookingRepository bookings;
  private final PublicCatalog catalog;
  private final MessageRenderer renderer;
  private final Mailer mailer;
  private final UnaryOperator<String> manageLink;
  private final Clock clock;
  private final Settings settings;
  private final DoubleSupplier random;
  private final DeliveryPolicy policy;
  private final MessageComposer composer;
  private final AtomicBoolean running = new AtomicBoolean();
  /** A run was asked for since the current one last started a round. */
  private final AtomicBoolean asked = new AtomicBoolean();
  private final LeasedMessages leased;

  /**
   * @param manageLink the customer's manage link for a booking id (a signed token in the hub's public URL)
   * @param random jitter source in [0, 1)
   */
  public OutboxDispatcher(OutboxRepository outbox, BookingRepository bookings, PublicCatalog catalog,
      MessageRenderer renderer, Mailer mailer, UnaryOperator<String> manageLink, Clock clock, Settings settings,
      DoubleSupplier random) {
    this(outbox, bookings, catalog, renderer, mailer, manageLink, clock, settings, random, MessageComposer.none());
  }

  /** As above, with {@code composer} deciding and rendering the messages that are not about a booking. */
  public OutboxDispatcher(OutboxRepository outbox, BookingRepository bookings, PublicCatalog catalog,
      MessageRenderer renderer, Mailer mailer, UnaryOperator<String> manageLink, Clock clock, Settings settings,
      DoubleSupplier random, MessageComposer composer) {
    this.composer = composer;
    this.outbox = outbox;
    this.bookings = bookings;
    this.catalog = catalog;
    this.renderer = renderer;
    this.mailer = mailer;
    this.manageLink = manageLink;
    this.clock = clock;
    this.settings = settings;
    this.random = random;
    this.policy = new DeliveryPolicy(settings.writeGrace());
    this.leased = new LeasedMessages(settings.nodeId(), settings.lease());
  }

  public Settings settings() {
    return settings;
  }

  /** Messages this node recorded with its own lease, for this dispatcher to send without claiming them (ADR 85). */
  LeasedMessages leased() {
    return leased;
  }

  /**
   * Sends everything due now, batch after batch: first the messages handed over already leased ({@link #leased()}),
   * then those a claim takes, until a claim takes nothing (or after {@code maxBatchesPerRun}). A call while a run is
   * under way on this dispatcher reports zeros and makes that run look again once it has finished, so that nothing
   * handed over or recorded after the run's last look waits for the next periodic run.
   */
  public Future<Report> dispatchDue() {
    asked.set(true);
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(new Report(0, 0, 0, 0, 0, 0, 0));
    }
    Counters counters = new Counters();
    return rounds(counters)
        .map(v -> counters.report())
        .andThen(done -> {
          running.set(false);
          if (asked.get()) { // asked between the last round's end and the line above
            dispatchDue();
          }
        });
  }

  /**
   * Gives back the leases of the messages handed over and not taken yet, so that any node claims them at once instead
   * of after the lease: for a node that is stopping (its store still open). Returns how many were given back; one
   * whose lease has passed to another node meanwhile is left alone.
   */
  public Future<Integer> releaseHandedOver() {
    Instant now = clock.instant();
    List<Future<Boolean>> released = leased.takeAll().stream()
        .map(m -> outbox.complete(m.postponedTo(now), settings.nodeId()))
        .toList();
    Future<?> all = Future.join(released);
    return all.map(done -> (int) released.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
  }

  /** Runs of batches while someone asked for one during the last; each round looks its offers up afresh. */
  private Future<Void> rounds(Counters counters) {
    asked.set(false);
    counters.offers.clear();
    return batches(counters, 0).compose(v -> asked.get() ? rounds(counters) : Future.succeededFuture());
  }

  private Future<Void> batches(Counters counters, int done) {
    Instant now = clock.instant();
    List<OutboundMessage> handed = leased.take(settings.batchSize(), now);
    Future<List<OutboundMessage>> taken = handed.isEmpty()
        ? outbox.claimDue(now, settings.nodeId(), settings.lease(), settings.batchSize())
        : Future.succeededFuture(handed);
    return taken.compose(claimed -> {
      counters.claimed.addAndGet(claimed.size());
      counters.bookingReads.clear(); // each batch reads its bookings after claiming its messages
      // Go on while claims succeed: a batch can come back short because another node took part of it.
      return inParallel(claimed, counters).compose(v -> !claimed.isEmpty()
          && done + 1 < settings.maxBatchesPerRun()
          ? batches(counters, done + 1)
          : Future.succeededFuture());
    });
  }

  /** Processes the messages with at most {@code concurrency} under way at once. */
  private Future<Void> inParallel(List<OutboundMessage> messages, Counters counters) {
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    Iterator<OutboundMessage> queue = messages.iterator();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int i = 0; i < Math.min(settings.concurrency(), messages.size()); i++) {
      lanes.add(lane(queue, counters));
    }
    Future<?> all = Future.join(lanes);
    return all.mapEmpty();
  }

  private Future<Void> lane(Iterator<OutboundMessage> queue, Counters counters) {
    OutboundMessage next;
    synchronized (queue) {
      if (!queue.hasNext()) {
        return Future.succeededFuture();
      }
      next = queue.next();
    }
    Promise<Void> done = Promise.promise();
    process(next, counters).onComplete(ar -> lane(queue, counters).onComplete(done));
    return done.future();
  }

  /** Decides, sends and records one message; never fails (a failure is recorded on the message). */
  Future<Void> process(OutboundMessage message, Counters counters) {
    if (!message.kind().aboutBooking()) {
      return Future.<Void>succeededFuture()
          .compose(v -> composer.compose(message, clock.instant()))
          .compose(c -> switch (c.verdict()) {
            case SKIP -> finish(message.skipped(c.reason()), counters.skipped, counters);
            case WAIT -> finish(message.postponedTo(clock.instant().plus(settings.waitStep())), counters.waiting,
                counters);
            case SEND -> deliver(message, c.mail(), counters);
          })
          .recover(err -> retryOrFail(message, err, counters));
    }
    // Through compose, so that a repository that throws (a store closing under a running dispatch) fails the future.
    // The messages of one booking in one batch (a confirmation and the provider's notice) share one read of it.
    return Future.<Void>succeededFuture()
        .compose(v -> counters.bookingReads.computeIfAbsent(message.bookingId(), bookings::findById))
        .compose(found -> {
          Booking booking = found.orElse(null);
          DeliveryPolicy.Decision decision = policy.decide(message, booking, clock.instant());
          return switch (decision.verdict()) {
            case SKIP -> finish(message.skipped(decision.reason()), counters.skipped, counters);
            case WAIT -> waitForWrite(message, counters);
            case SEND -> send(message, booking, counters);
          };
        })
        .recover(err -> retryOrFail(message, err, counters));
  }

  private Future<Void> send(OutboundMessage message, Booking booking, Counters counters) {
    // One lookup per booking type and round of a run: a run's messages mostly share a few types.
    return counters.offers.computeIfAbsent(booking.bookingTypeId(), catalog::offer)
        .recover(err -> Future.failedFuture(err instanceof NotFoundException
            ? new DeliveryException("cannot render: " + err.getMessage(), true, err)
            : err))
        .compose(offer -> {
          MailMessage mail;
          try {
            // A pooled booking names the members it blocks: every one of an ALL pool, the assigned one of ANY (ADR 43).
            List<Resource> blocked = booking.resourceIds().stream()
                .map(offer::member).flatMap(Optional::stream).toList();
            if (blocked.isEmpty()) {
              blocked = List.of(offer.resource());
            }
            mail = renderer.render(new MessageContext(message, booking, offer.provider(), blocked.get(0), blocked,
                offer.type(), manageLink.apply(booking.id())));
          } catch (RuntimeException e) {
            return Future.failedFuture(new DeliveryException("cannot render: " + e, true, e));
          }
          return deliver(message, mail, counters);
        });
  }

  /** Sends a rendered mail if the lease is still ours, and records it SENT. */
  private Future<Void> deliver(OutboundMessage message, MailMessage mail, Counters counters) {
    if (!clock.instant().isBefore(message.leaseUntil())) {
      // Our lease ran out while we worked: another node may hold the message now; leave it to them.
      counters.lost.incrementAndGet();
      return Future.succeededFuture();
    }
    return mailer.send(mail).compose(v -> {
      // Accepted: record it at once, the window for a duplicate is from here until this write is durable. A
      // failure here must not turn into a retry (the mail is out): try the write once more, then leave it.
      OutboundMessage sent = message.sent(clock.instant());
      return finish(sent, counters.sent, counters)
          .recover(err -> finish(sent, counters.sent, counters))
          .recover(err -> {
            counters.lost.incrementAndGet();
            return Future.succeededFuture();
          });
    });
  }

  /** Not decided yet: parked here while the lease lasts ({@link LeasedMessages#park}), else postponed in the store. */
  private Future<Void> waitForWrite(OutboundMessage message, Counters counters) {
    Instant now = clock.instant();
    if (leased.park(message, now)) {
      counters.waiting.incrementAndGet();
      return Future.succeededFuture();
    }
    return finish(message.postponedTo(now.plus(settings.waitStep())), counters.waiting, counters);
  }

  private Future<Void> retryOrFail(OutboundMessage message, Throwable err, Counters counters) {
    Instant now = clock.instant();
    String reason = err.getMessage() == null ? err.toString() : err.getMessage();
    if (err instanceof DeliveryException delivery && delivery.permanent()) {
      return finish(message.failed(reason), counters.failed, counters).otherwiseEmpty();
    }
    if (now.isAfter(message.dueAt().plus(settings.giveUpAfter()))) {
      return finish(message.failed("gave up after " + (message.attempts() + 1) + " attempts: " + reason),
          counters.failed, counters).otherwiseEmpty();
    }
    return finish(message.retryAt(now.plus(backoff(message.attempts() + 1)), reason), counters.retried, counters)
        .otherwiseEmpty();
  }

  /** Exponential backoff with "equal jitter": half the capped delay, plus up to the other half at random. */
  Duration backoff(int failedAttempts) {
    long base = settings.retryBase().toMillis();
    long cap = settings.retryMax().toMillis();
    long delay = cap;
    if (failedAttempts < 40) {
      delay = Math.min(cap, base << Math.max(0, failedAttempts - 1));
    }
    long half = delay / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (delay - half)));
  }

  private Future<Void> finish(OutboundMessage next, AtomicInteger counter, Counters counters) {
    return outbox.complete(next, settings.nodeId()).map(applied -> {
      (applied ? counter : counters.lost).incrementAndGet();
      return null;
    });
  }

  static final class Counters {
    final AtomicInteger claimed = new AtomicInteger();
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger waiting = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();
    final Map<String, Future<PublicCatalog.Offer>> offers = new ConcurrentHashMap<>();
    /** The current batch's booking reads, by booking id. */
    final Map<String, Future<Optional<Booking>>> bookingReads = new ConcurrentHashMap<>();

    Report report() {
      return new Report(claimed.get(), sent.get(), retried.get(), failed.get(), skipped.get(), waiting.get(),
          lost.get());
    }
  }
}
