package dev.dovetail.app;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageBookingService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.port.in.BookSlot;
import dev.dovetail.booking.port.out.ResourceLock;
import dev.dovetail.infra.mail.TemplateWaitlistMailRenderer;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.notification.port.out.MessageComposer;
import dev.dovetail.waitlist.app.Backfill;
import dev.dovetail.waitlist.app.WaitlistLinks;
import dev.dovetail.waitlist.app.WaitlistMail;
import dev.dovetail.waitlist.app.WaitlistService;
import dev.dovetail.waitlist.app.WaitlistTrigger;
import dev.dovetail.waitlist.port.out.WaitlistRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The waitlist wiring of one hub. It is the one loop in the wiring (ADR 52): booking changes feed the waitlist, and
 * the waitlist books. {@link #wire} gives the trigger (a booking-change consumer and a {@code FreedTime} listener) and
 * the mail composer for the outbox dispatcher, which the booking use cases and the dispatcher take; {@link #service}
 * builds the backfill over those booking use cases and binds the trigger to it. A trigger heard before that (none is:
 * the hub starts taking requests and timers afterwards) would match nothing. A trigger
 * asks for a match of its resource {@value #MATCH_DELAY_MS} ms later (the change is recorded before its write); every
 * {@value #SWEEP_PERIOD_MS} ms a sweep lapses expired offers and matches every resource with waiting customers. Every
 * node runs both; the store's compare-and-set writes and a cluster-wide lock per resource keep them from offering
 * twice.
 */
final class Waitlists {

  private static final Logger LOG = LoggerFactory.getLogger(Waitlists.class);
  static final long MATCH_DELAY_MS = 1_000;
  static final long SWEEP_PERIOD_MS = 30_000;
  static final long MAIL_NUDGE_MS = 250;

  private final Vertx vertx;
  private final MongoStore store;
  private final CatalogService catalog;
  private final ManageTokens tokens;
  private final Clock clock;
  private final WaitlistMail mail;
  private final WaitlistTrigger trigger;
  private final AtomicReference<Backfill> backfill = new AtomicReference<>();
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final boolean payments;
  private final WaitlistRepository entries;

  private Waitlists(Vertx vertx, AppConfig config, Clock clock, MongoStore store, WaitlistRepository entries,
      CatalogService catalog, ManageTokens tokens) {
    this.vertx = vertx;
    this.store = store;
    this.entries = entries;
    this.catalog = catalog;
    this.tokens = tokens;
    this.clock = clock;
    this.payments = config.stripe().enabled();
    this.mail = new WaitlistMail(entries, catalog, new TemplateWaitlistMailRenderer(),
        new WaitlistLinks(tokens), config.http().publicUrl());
    this.trigger = new WaitlistTrigger(this::matchSoon);
  }

  /** @param entries the waitlist store to use (the store's, with its webhook events recorded) */
  static Waitlists wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store, WaitlistRepository entries,
      CatalogService catalog, ManageTokens tokens) {
    return new Waitlists(vertx, config, clock, store, entries, catalog, tokens);
  }

  /** Hears freed time: add it to the hub's booking-change consumers and pass it where FreedTime is announced. */
  WaitlistTrigger trigger() {
    return trigger;
  }

  /** Composes the waitlist's mails for the outbox dispatcher. */
  MessageComposer mail() {
    return mail;
  }

  /** Builds the backfill and the use cases; {@code dispatchSoon} runs the outbox dispatcher (an offer mail is owed). */
  WaitlistService service(BookSlot bookSlot, ManageBookingService manage, ResourceLock lock, Runnable dispatchSoon) {
    Runnable nudge = () -> vertx.setTimer(MAIL_NUDGE_MS, id -> {
      if (running.get()) {
        dispatchSoon.run();
      }
    });
    Backfill made = new Backfill(entries, catalog, store.schedules(), bookSlot, manage, store.outbox(), lock,
        clock, nudge);
    backfill.set(made);
    return new WaitlistService(entries, catalog, catalog, store.schedules(), manage, made, store.outbox(),
        tokens, clock, this::matchSoon, payments);
  }

  /** Starts the periodic sweep; returns its timer id. */
  long start() {
    OneRunAtATime sweeps = new OneRunAtATime("waitlist sweep", Duration.ofMillis(SWEEP_PERIOD_MS));
    return vertx.setPeriodic(SWEEP_PERIOD_MS, id -> {
      Backfill b = backfill.get();
      if (running.get() && b != null) {
        sweeps.tick(() -> b.sweep().onSuccess(report -> {
          if (report.lapsed() + report.offered() > 0) {
            LOG.debug("waitlist: {}", report);
          }
        }));
      }
    });
  }

  /** No match or sweep starts after this (the store is about to close). */
  void stop() {
    running.set(false);
  }

  private void matchSoon(String resourceId) {
    if (!running.get() || !pending.add(resourceId)) {
      return;
    }
    vertx.setTimer(MATCH_DELAY_MS, id -> {
      pending.remove(resourceId);
      Backfill b = backfill.get();
      if (running.get() && b != null) {
        b.matchFreed(resourceId)
            .onFailure(err -> LOG.warn("waitlist match of {} failed: {}", resourceId, err.getMessage()));
      }
    });
  }
}
