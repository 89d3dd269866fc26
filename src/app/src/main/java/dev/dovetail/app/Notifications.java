package dev.dovetail.app;

import dev.dovetail.booking.app.CatalogService;
import dev.dovetail.booking.app.ManageTokens;
import dev.dovetail.booking.domain.Ids;
import dev.dovetail.infra.mail.SmtpMailer;
import dev.dovetail.infra.mail.StoreSinkMailer;
import dev.dovetail.infra.mail.TemplateMessageRenderer;
import dev.dovetail.infra.mongo.MongoStore;
import dev.dovetail.notification.app.NotificationLogService;
import dev.dovetail.notification.app.NotificationPlanner;
import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.port.in.NotificationLog;
import dev.dovetail.notification.port.out.MailArchive;
import dev.dovetail.notification.port.out.Mailer;
import dev.dovetail.notification.port.out.MessageComposer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notification wiring of one hub: the planner records what booking changes owe into the store's outbox; the
 * dispatcher sends due messages every {@value #PERIOD_MS} ms, and soon after a change was recorded. Every node runs a
 * dispatcher; leases in the store keep them from sending a message twice. Mail goes over SMTP when {@code
 * DOVETAIL_SMTP_HOST} is set, otherwise into the local sink that the provider reads through the API.
 */
record Notifications(
    Vertx vertx, NotificationPlanner planner, OutboxDispatcher dispatcher, NotificationLog log, AtomicBoolean running) {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
  static final long PERIOD_MS = 5_000;
  /** After a change is recorded its booking is written; dispatching a moment later finds it written. */
  static final long NUDGE_DELAY_MS = 250;

  static Notifications wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store, CatalogService catalog,
      ManageTokens tokens) {
    return wire(vertx, config, clock, store, catalog, tokens, MessageComposer.none());
  }

  /** @param others composes the outbox messages that are not about a booking (the waitlist's mail) */
  static Notifications wire(Vertx vertx, AppConfig config, Clock clock, MongoStore store, CatalogService catalog,
      ManageTokens tokens, MessageComposer others) {
    AppConfig.Mail mail = config.mail();
    Mailer mailer;
    MailArchive archive;
    NotificationLog.Delivery delivery = mail.smtpEnabled() ? NotificationLog.Delivery.SMTP
        : NotificationLog.Delivery.LOCAL_SINK;
    if (mail.smtpEnabled()) {
      mailer = new SmtpMailer(vertx, new SmtpMailer.Settings(mail.smtpHost(), mail.smtpPort(), mail.smtpUser(),
          mail.smtpPassword(), mail.tls(), mail.from()));
      archive = MailArchive.none();
      LOG.info("mail goes out over SMTP: {}:{} ({})", mail.smtpHost(), mail.smtpPort(), mail.tls());
    } else {
      archive = store.mailSink();
      mailer = new StoreSinkMailer(archive, clock);
      LOG.info("no DOVETAIL_SMTP_HOST: mail is kept in the local sink, readable at GET /api/v1/notifications/{id}");
    }
    String base = config.http().publicUrl().replaceAll("/+$", "");
    String nodeId = "hub-" + config.cluster().host() + "-" + Ids.random().substring(0, 8);
    OutboxDispatcher.Settings settings = OutboxDispatcher.Settings.defaults(nodeId);
    OutboxDispatcher dispatcher = new OutboxDispatcher(store.outbox(), store.bookings(), catalog,
        new TemplateMessageRenderer("mail/", base), mailer, id -> base + "/manage/" + tokens.issue(id), clock,
        settings, () -> ThreadLocalRandom.current().nextDouble(), others);
    AtomicBoolean nudged = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    NotificationPlanner planner = new NotificationPlanner(catalog, store.outbox(), clock, () -> {
      if (nudged.compareAndSet(false, true)) {
        vertx.setTimer(NUDGE_DELAY_MS, id -> {
          nudged.set(false);
          dispatch(dispatcher, running);
        });
      }
    }, dispatcher);
    return new Notifications(
        vertx, planner, dispatcher, new NotificationLogService(store.outbox(), archive, store.bookings(), delivery,
        settings.writeGrace(), clock), running);
  }

  /** Starts the periodic dispatch; returns its timer id. */
  long start() {
    return vertx.setPeriodic(PERIOD_MS, id -> dispatch(dispatcher, running));
  }

  /** Runs a dispatch now (a message was recorded outside the planner); nothing once stopped. */
  void dispatchNow() {
    dispatch(dispatcher, running);
  }

  /**
   * No dispatch starts after this (the store is about to close); one already running finishes or fails. The mails
   * handed over to this node and not sent yet get their leases back, so another node sends them at once (ADR 85).
   */
  Future<Integer> stop() {
    running.set(false);
    return dispatcher.releaseHandedOver()
        .onSuccess(released -> {
          if (released > 0) {
            LOG.info("notifications: {} mails handed over and not sent are left to the other nodes", released);
          }
        })
        .onFailure(err -> LOG.warn("notifications: handed-over mails keep their leases until they run out: {}",
            err.getMessage()));
  }

  private static void dispatch(OutboxDispatcher dispatcher, AtomicBoolean running) {
    if (!running.get()) {
      return;
    }
    dispatcher.dispatchDue()
        .onSuccess(report -> {
          if (report.claimed() > 0) {
            LOG.debug("notifications: {}", report);
          }
        })
        .onFailure(err -> LOG.warn("notification dispatch failed: {}", err.getMessage()));
  }
}
