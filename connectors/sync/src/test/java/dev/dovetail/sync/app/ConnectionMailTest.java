package dev.dovetail.sync.app;

import static dev.dovetail.sync.app.SyncFixture.CALENDAR;
import static dev.dovetail.sync.app.SyncFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.notification.app.OutboxDispatcher;
import dev.dovetail.notification.domain.MailMessage;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.sync.domain.Backoff;
import dev.dovetail.sync.domain.BusyPolicy;
import dev.dovetail.sync.domain.CalendarProvider;
import dev.dovetail.sync.domain.Connection;
import dev.dovetail.sync.domain.ConnectionState;
import dev.dovetail.sync.domain.ConnectorException;
import dev.dovetail.sync.port.out.SyncNotices;
import dev.dovetail.sync.domain.BookingConflict;
import dev.dovetail.testkit.InMemoryOutboxRepository;
import dev.dovetail.testkit.RecordingMailer;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A broken calendar connection is mailed to the provider once per break, through the outbox")
class ConnectionMailTest {

  final SyncFixture f = new SyncFixture();
  final InMemoryOutboxRepository outbox = new InMemoryOutboxRepository();
  final RecordingMailer mailer = new RecordingMailer();
  final ConnectionMail mail = new ConnectionMail(f.connections, f.providers, outbox,
      (message, broken, provider, link) -> new MailMessage(message.id(), message.recipient(), null,
          "broken: " + broken.account(), provider.displayName() + " | " + broken.provider() + " | "
              + broken.brokenReason() + " | " + link, "<p>" + link + "</p>", null, null),
      "https://hub.test/");
  final OutboxDispatcher dispatcher = new OutboxDispatcher(outbox, f.bookings, f.catalog,
      ctx -> {
        throw new AssertionError("no booking mail expected");
      },
      mailer, id -> "https://hub.test/manage/" + id, f.clock, OutboxDispatcher.Settings.defaults("n1"), () -> 0.0,
      mail);

  /** A node's sync use case whose notices record the broken-connection mail, as the hub wires it. */
  SyncEngine node() {
    SyncNotices notices = new SyncNotices() {
      @Override
      public Future<Void> connectionBroken(Connection connection) {
        return mail.recordBroken(connection, f.clock.instant());
      }

      @Override
      public Future<Void> bookingConflict(BookingConflict conflict) {
        return Future.succeededFuture();
      }
    };
    SyncContext ctx = new SyncContext(Map.of(CalendarProvider.GOOGLE, f.google), f.connections, f.states, f.mirrors,
        f.conflicts, f.resources, f.schedules, f.lock, notices, f.cipher, Backoff.DEFAULT, f.clock, () -> 0.5);
    return new SyncEngine(ctx, f.freedTime, BusyPolicy.DEFAULT, Duration.ofMinutes(5));
  }

  void revokeGrant() {
    f.google.failNext(100, () -> new ConnectorException.AuthorizationRevoked("invalid_grant: Token has been revoked",
        null));
  }

  List<OutboundMessage> brokenMails() {
    return outbox.all().stream().filter(m -> m.kind() == MessageKind.PROVIDER_CALENDAR_BROKEN).toList();
  }

  @Test
  @DisplayName("a revoked grant records one mail to the provider, however often the sync runs; it carries the link")
  void revokedGrantMailsTheProviderOnce() {
    revokeGrant();
    SyncEngine engine = node();
    for (int i = 0; i < 3; i++) {
      engine.sync(CONNECTION, CALENDAR).await();
    }
    assertThat(f.connections.findById(CONNECTION).await().orElseThrow().state()).isEqualTo(ConnectionState.BROKEN);
    assertThat(brokenMails()).singleElement().satisfies(m -> {
      assertThat(m.recipient()).isEqualTo("owner@acme.test");
      assertThat(m.providerId()).isEqualTo("acme");
    });

    dispatcher.dispatchDue().await();
    dispatcher.dispatchDue().await();

    assertThat(mailer.sent()).singleElement().satisfies(sent -> {
      assertThat(sent.to()).isEqualTo("owner@acme.test");
      assertThat(sent.text()).contains("https://hub.test/dashboard#calendars").contains("GOOGLE")
          .contains("invalid_grant");
    });
    assertThat(brokenMails()).singleElement().extracting(OutboundMessage::state).isEqualTo(MessageState.SENT);
  }

  @Test
  @DisplayName("two nodes recording the same break store one message (deterministic id)")
  void twoNodesRecordOneMessage() {
    Connection broken = f.connections.findById(CONNECTION).await().orElseThrow()
        .broken("invalid_grant", f.clock.instant());
    f.connections.save(broken).await();
    mail.recordBroken(broken, f.clock.instant()).await();
    f.clock.advance(Duration.ofSeconds(3));
    mail.recordBroken(broken, f.clock.instant()).await();

    assertThat(brokenMails()).hasSize(1);
  }

  @Test
  @DisplayName("after reconnecting, a later break is mailed again; a break already mended is not mailed")
  void reconnectingArmsTheMailAgain() {
    revokeGrant();
    node().sync(CONNECTION, CALENDAR).await();
    Connection first = f.connections.findById(CONNECTION).await().orElseThrow();
    f.clock.advance(Duration.ofMinutes(10));
    f.connections.save(first.regranted("owner@acme.test", first.sealedRefreshToken(), f.clock.instant())).await();

    dispatcher.dispatchDue().await();
    assertThat(mailer.sent()).as("reconnected before the mail went out").isEmpty();
    assertThat(brokenMails()).singleElement().satisfies(m -> {
      assertThat(m.state()).isEqualTo(MessageState.SKIPPED);
      assertThat(m.lastError()).contains("connected again");
    });

    f.clock.advance(Duration.ofMinutes(10));
    node().sync(CONNECTION, CALENDAR).await();
    dispatcher.dispatchDue().await();

    assertThat(brokenMails()).hasSize(2).extracting(OutboundMessage::id).doesNotHaveDuplicates();
    assertThat(mailer.sent()).singleElement().extracting(MailMessage::to).isEqualTo("owner@acme.test");
  }

  @Test
  @DisplayName("a connection removed before the mail went out: the mail is skipped")
  void removedConnectionIsNotMailed() {
    revokeGrant();
    node().sync(CONNECTION, CALENDAR).await();
    f.connections.delete(CONNECTION).await();

    dispatcher.dispatchDue().await();

    assertThat(mailer.sent()).isEmpty();
    assertThat(brokenMails()).singleElement().extracting(OutboundMessage::state).isEqualTo(MessageState.SKIPPED);
  }
}
