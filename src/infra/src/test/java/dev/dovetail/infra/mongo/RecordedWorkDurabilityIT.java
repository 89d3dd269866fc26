package dev.dovetail.infra.mongo;

import static dev.dovetail.booking.port.out.ContractFixtures.BASE;
import static dev.dovetail.booking.port.out.Outcomes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.port.out.Acknowledged;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.OutboundMessage;
import dev.dovetail.webhook.domain.Delivery;
import dev.dovetail.webhook.domain.EventType;
import dev.dovetail.webhook.domain.WebhookEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A booking change's recorded work on the embedded store (ADR 74): the outbox's messages and the webhook event are
 * written without waiting, and one durability wait asked for after both were acknowledged makes both durable. The
 * crash is simulated in-process ({@link EmbeddedMongo#closeAbruptly}), as in {@link GroupCommitIT}.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A booking change's outbox messages and webhook event share one durability wait")
class RecordedWorkDurabilityIT {

  private static final Instant NOW = BASE.minusSeconds(86_400);

  @Test
  @DisplayName("one wait for both, and both survive a crash right after it")
  void oneWaitCoversOutboxAndWebhookEvent(Vertx vertx, @TempDir Path dir) throws Exception {
    OutboundMessage confirmation = OutboundMessage.pending("prov-1", "bk-1", 1, MessageKind.CONFIRMATION, null,
        "ada@example.com", NOW, NOW);
    WebhookEvent created = WebhookEvent.of("prov-1", EventType.BOOKING_CREATED, "bk-1", 1, NOW,
        new JsonObject().put("id", "bk-1"));
    EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir);
    MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync));

    long before = mongo.commitFigures()[0];
    await(store.outbox().recordAcknowledged(List.of(confirmation)));
    await(store.webhookEvents().recordAcknowledged(List.of(created),
        e -> List.of(Delivery.pending(e, "ep-1", NOW)), NOW));
    assertThat(mongo.commitFigures()[0]).as("durability requests while recording").isEqualTo(before);
    Acknowledged both = Acknowledged.by(store.outbox().durability(), () -> {})
        .and(Acknowledged.by(store.webhookEvents().durability(), () -> {}));
    assertThat(both.waits()).isEqualTo(1);
    await(both.durable());
    assertThat(mongo.commitFigures()[0]).as("durability requests in all").isEqualTo(before + 1);

    mongo.closeAbruptly();
    store.close();
    try (EmbeddedMongo reopened = EmbeddedMongo.onDisk(dir)) {
      MongoStore again = await(MongoStore.connect(vertx, reopened.connectionString(), "dovetail",
          MongoStore.NO_COMMIT));
      assertThat(await(again.outbox().findById(confirmation.id()))).contains(confirmation);
      assertThat(await(again.webhookEvents().findEvent("prov-1", created.id())))
          .hasValueSatisfying(e -> assertThat(e.position()).isEqualTo(1));
      await(again.close());
    }
  }

  @Test
  @DisplayName("an event recorded twice keeps its first position; the position taken for the second stays unused")
  void eventRecordedTwiceKeepsItsPosition(Vertx vertx, @TempDir Path dir) {
    WebhookEvent created = WebhookEvent.of("prov-1", EventType.BOOKING_CREATED, "bk-1", 1, NOW, new JsonObject());
    WebhookEvent cancelled = WebhookEvent.of("prov-1", EventType.BOOKING_CANCELLED, "bk-1", 2, NOW, new JsonObject());
    try (EmbeddedMongo mongo = EmbeddedMongo.onDisk(dir)) {
      MongoStore store = await(MongoStore.connect(vertx, mongo.connectionString(), "dovetail", mongo::commitAsync));
      List<WebhookEvent> first = await(store.webhookEvents().record(List.of(created), e -> List.of(), NOW));
      List<WebhookEvent> again = await(store.webhookEvents().record(List.of(created), e -> List.of(), NOW));
      List<WebhookEvent> next = await(store.webhookEvents().record(List.of(cancelled), e -> List.of(), NOW));

      assertThat(first.get(0).position()).isEqualTo(1);
      assertThat(again.get(0).position()).isEqualTo(1);
      assertThat(next.get(0).position()).isEqualTo(3);
      assertThat(await(store.webhookEvents().feed("prov-1", 0, 10))).extracting(e -> e.event().position())
          .containsExactly(1L, 3L);
      await(store.close());
    }
  }
}
