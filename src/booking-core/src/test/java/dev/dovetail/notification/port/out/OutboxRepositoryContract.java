package dev.dovetail.notification.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Ids;
import dev.dovetail.booking.domain.Page;
import dev.dovetail.booking.domain.PageRequest;
import dev.dovetail.notification.domain.LogView;
import dev.dovetail.notification.domain.MessageKind;
import dev.dovetail.notification.domain.MessageState;
import dev.dovetail.notification.domain.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every {@link OutboxRepository} must do. */
@ExtendWith(VertxExtension.class)
public interface OutboxRepositoryContract {

  Instant NOW = Instant.parse("2030-03-01T10:00:00Z");
  Duration LEASE = Duration.ofMinutes(2);

  OutboxRepository outbox();

  static OutboundMessage message(String provider, MessageKind kind, Instant due) {
    Duration lead = kind == MessageKind.REMINDER ? Duration.ofHours(1) : null;
    return OutboundMessage.pending(provider, Ids.random(), 2, kind, lead, "ada@example.com", due,
        NOW.minusSeconds(3600));
  }

  @Test
  @DisplayName("record then findById: every field of a fresh and of a worked-on message reads back exactly")
  default void recordThenFindByIdRoundTripsEveryField(VertxTestContext ctx) {
    OutboundMessage fresh = message("prov-a", MessageKind.REMINDER, NOW.plusMillis(1234));
    OutboundMessage worked = message("prov-a", MessageKind.CANCELLATION, NOW).withNote("Sorry: the room is flooded 日本")
        .leased("node-1", NOW.plusSeconds(60)).retryAt(NOW.plusSeconds(90), "421 try later 日本");
    outbox().record(List.of(fresh, worked))
        .compose(v -> Future.all(outbox().findById(fresh.id()), outbox().findById(worked.id()),
            outbox().findById("nope-" + Ids.random())))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.<Optional<OutboundMessage>>resultAt(0)).contains(fresh);
          assertThat(found.<Optional<OutboundMessage>>resultAt(1)).contains(worked);
          assertThat(found.<Optional<OutboundMessage>>resultAt(2)).isEmpty();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("countByProvider: the provider's messages by state, every state present, other providers not counted")
  default void countByProviderCountsEachState(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random();
    List<OutboundMessage> messages = List.of(
        message(provider, MessageKind.CONFIRMATION, NOW),
        message(provider, MessageKind.REMINDER, NOW.plusSeconds(60)),
        message(provider, MessageKind.CANCELLATION, NOW).sent(NOW),
        message(provider, MessageKind.RESCHEDULE, NOW).failed("550 no such user"),
        message("prov-other-" + Ids.random(), MessageKind.CONFIRMATION, NOW).sent(NOW));
    outbox().record(messages)
        .compose(v -> outbox().countByProvider(provider))
        .onComplete(ctx.succeeding(counts -> ctx.verify(() -> {
          assertThat(counts).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(MessageState.PENDING, 2L,
              MessageState.SENT, 1L, MessageState.FAILED, 1L, MessageState.SKIPPED, 0L));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("record: an id already stored is left untouched (recording a change twice is harmless)")
  default void recordIsIdempotent(VertxTestContext ctx) {
    OutboundMessage m = message("prov-a", MessageKind.CONFIRMATION, NOW);
    outbox().record(List.of(m))
        .compose(v -> outbox().claimDue(NOW, "node-1", LEASE, 10))
        .compose(claimed -> outbox().record(List.of(m, m)))
        .compose(v -> outbox().findById(m.id()))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).isPresent();
          assertThat(found.get().leaseOwner()).isEqualTo("node-1");
          assertThat(found.get().leaseUntil()).isEqualTo(NOW.plus(LEASE));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("recordAcknowledged: gives the messages this call stored, not those recorded before; a message stored "
      + "with a lease is not claimable until it runs out")
  default void recordAcknowledgedGivesWhatItStored(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random().substring(0, 8);
    OutboundMessage old = message(provider, MessageKind.CONFIRMATION, NOW);
    OutboundMessage leased = message(provider, MessageKind.PROVIDER_NEW_BOOKING, NOW).leased("node-1", NOW.plus(LEASE));
    OutboundMessage fresh = message(provider, MessageKind.REMINDER, NOW);
    outbox().record(List.of(old))
        .compose(v -> outbox().recordAcknowledged(List.of(old.leased("node-1", NOW.plus(LEASE)), leased, fresh)))
        .compose(stored -> outbox().durability().afterWrites()
            .compose(v -> outbox().claimDue(NOW, "node-2", LEASE, 10))
            .map(claimed -> List.of(stored, claimed)))
        .onComplete(ctx.succeeding(lists -> ctx.verify(() -> {
          assertThat(lists.get(0)).containsExactly(leased, fresh);
          assertThat(lists.get(1)).extracting(OutboundMessage::id).containsExactlyInAnyOrder(old.id(), fresh.id());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("claimDue: takes only pending, due, unleased messages, earliest first, up to the limit, with a lease")
  default void claimDueTakesOnlyClaimableMessages(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random().substring(0, 8);
    OutboundMessage early = message(provider, MessageKind.CONFIRMATION, NOW.minusSeconds(30));
    OutboundMessage due = message(provider, MessageKind.REMINDER, NOW);
    OutboundMessage later = message(provider, MessageKind.REMINDER, NOW.plusMillis(1));
    OutboundMessage retrying = message(provider, MessageKind.RESCHEDULE, NOW.minusSeconds(60))
        .leased("x", NOW).retryAt(NOW.plusSeconds(5), "down");
    OutboundMessage leased = message(provider, MessageKind.CANCELLATION, NOW.minusSeconds(60))
        .leased("node-9", NOW.plusSeconds(1));
    OutboundMessage sent = message(provider, MessageKind.PROVIDER_NEW_BOOKING, NOW.minusSeconds(60))
        .leased("node-9", NOW.minusSeconds(1)).sent(NOW.minusSeconds(1));
    outbox().record(List.of(early, due, later, retrying, leased, sent))
        .compose(v -> outbox().claimDue(NOW, "node-1", LEASE, 1))
        .compose(first -> {
          ctx.verify(() -> {
            assertThat(first).extracting(OutboundMessage::id).containsExactly(early.id());
            assertThat(first.get(0).leaseOwner()).isEqualTo("node-1");
            assertThat(first.get(0).leaseUntil()).isEqualTo(NOW.plus(LEASE));
          });
          return outbox().claimDue(NOW, "node-2", LEASE, 100);
        })
        .compose(second -> {
          ctx.verify(() -> assertThat(second).extracting(OutboundMessage::id).containsExactly(due.id()));
          return outbox().claimDue(NOW, "node-3", LEASE, 100);
        })
        .compose(third -> {
          ctx.verify(() -> assertThat(third).isEmpty());
          // The live lease of node-9 runs out at NOW + 1 s; node-1's at NOW + 2 min.
          return outbox().claimDue(NOW.plusSeconds(1), "node-3", LEASE, 100);
        })
        .compose(fourth -> {
          ctx.verify(() -> assertThat(fourth).extracting(OutboundMessage::id)
              .containsExactlyInAnyOrder(leased.id(), later.id()));
          return outbox().claimDue(NOW.plusSeconds(5), "node-3", LEASE, 100);
        })
        .onComplete(ctx.succeeding(fifth -> ctx.verify(() -> {
          assertThat(fifth).extracting(OutboundMessage::id).containsExactly(retrying.id());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("claimDue: a lease that ran out lets another owner take the message, and the old owner loses it")
  default void expiredLeasePassesToAnotherOwner(VertxTestContext ctx) {
    OutboundMessage m = message("prov-a", MessageKind.CONFIRMATION, NOW);
    outbox().record(List.of(m))
        .compose(v -> outbox().claimDue(NOW, "node-1", LEASE, 10))
        .compose(mine -> outbox().claimDue(NOW.plus(LEASE), "node-2", LEASE, 10)
            .compose(theirs -> {
              ctx.verify(() -> assertThat(theirs).extracting(OutboundMessage::id).contains(m.id()));
              OutboundMessage myCopy = mine.stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow();
              return outbox().complete(myCopy.sent(NOW.plus(LEASE)), "node-1")
                  .compose(applied -> {
                    ctx.verify(() -> assertThat(applied).isFalse());
                    OutboundMessage theirCopy =
                        theirs.stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow();
                    return outbox().complete(theirCopy.sent(NOW.plus(LEASE)), "node-2");
                  });
            }))
        .compose(applied -> {
          ctx.verify(() -> assertThat(applied).isTrue());
          return outbox().findById(m.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.get().state()).isEqualTo(MessageState.SENT);
          assertThat(found.get().leaseOwner()).isEqualTo("node-2");
          assertThat(found.get().attempts()).isEqualTo(1);
          assertThat(found.get().sentAt()).isEqualTo(NOW.plus(LEASE));
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("complete: only the lease holder of a pending message can record its outcome, and only once")
  default void completeRequiresTheLease(VertxTestContext ctx) {
    OutboundMessage m = message("prov-a", MessageKind.CONFIRMATION, NOW);
    outbox().record(List.of(m))
        .compose(v -> outbox().complete(m.sent(NOW), "node-1"))
        .compose(unleased -> {
          ctx.verify(() -> assertThat(unleased).as("not leased").isFalse());
          return outbox().claimDue(NOW, "node-1", LEASE, 10);
        })
        .compose(claimed -> {
          OutboundMessage held = claimed.stream().filter(x -> x.id().equals(m.id())).findFirst().orElseThrow();
          return outbox().complete(held.sent(NOW), "node-2")
              .compose(other -> {
                ctx.verify(() -> assertThat(other).as("another owner").isFalse());
                return outbox().complete(held.failed("550 no such user"), "node-1");
              })
              .compose(mine -> {
                ctx.verify(() -> assertThat(mine).as("the holder").isTrue());
                return outbox().complete(held.sent(NOW), "node-1");
              });
        })
        .compose(again -> {
          ctx.verify(() -> assertThat(again).as("already final").isFalse());
          return outbox().findById(m.id());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found.get().state()).isEqualTo(MessageState.FAILED);
          assertThat(found.get().lastError()).isEqualTo("550 no such user");
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("claimDue: owners racing for the same due messages never take one twice; what is left stays claimable")
  default void racingOwnersTakeEachMessageOnce(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random().substring(0, 8);
    List<OutboundMessage> messages = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      messages.add(message(provider, MessageKind.CONFIRMATION, NOW.minusMillis(i)));
    }
    outbox().record(messages)
        .compose(v -> {
          List<Future<List<OutboundMessage>>> racing = new ArrayList<>();
          for (int i = 0; i < 8; i++) {
            racing.add(outbox().claimDue(NOW, "node-" + i, LEASE, 20));
          }
          return Future.all(racing).map(done -> racing);
        })
        .compose(racing -> outbox().claimDue(NOW, "node-late", LEASE, 100).map(rest -> {
          List<String> taken = new ArrayList<>();
          racing.forEach(f -> f.result().forEach(m -> taken.add(m.id())));
          ctx.verify(() -> assertThat(taken).as("the racers made progress").hasSizeGreaterThanOrEqualTo(20));
          rest.forEach(m -> taken.add(m.id()));
          return taken;
        }))
        .onComplete(ctx.succeeding(taken -> ctx.verify(() -> {
          Set<String> ids = new HashSet<>(taken);
          assertThat(taken).as("no message taken twice").hasSameSizeAs(ids);
          assertThat(ids).containsAll(messages.stream().map(OutboundMessage::id).toList());
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("listByProvider: latest due first, pages visit each of the provider's messages exactly once")
  default void listByProviderPagesLatestFirst(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random().substring(0, 8);
    List<OutboundMessage> mine = new ArrayList<>();
    for (int i = 0; i < 17; i++) {
      // Several share a due time, so the id breaks ties.
      mine.add(message(provider, i % 2 == 0 ? MessageKind.REMINDER : MessageKind.CONFIRMATION,
          NOW.plusSeconds(60L * (i / 3))));
    }
    List<OutboundMessage> expected = mine.stream()
        .sorted(Comparator.comparing(OutboundMessage::dueAt).thenComparing(OutboundMessage::id).reversed())
        .toList();
    outbox().record(List.of(message("prov-other", MessageKind.CONFIRMATION, NOW)))
        .compose(v -> outbox().record(mine))
        .compose(v -> walk(provider, null, 4, new ArrayList<>()))
        .compose(all -> {
          ctx.verify(() -> assertThat(all).containsExactlyElementsOf(expected));
          return outbox().listByProvider("prov-nobody", PageRequest.first(10));
        })
        .onComplete(ctx.succeeding(none -> ctx.verify(() -> {
          assertThat(none.items()).isEmpty();
          assertThat(none.nextCursor()).isNull();
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("findByBooking: every message of one booking, in due order")
  default void findByBookingListsOneBooking(VertxTestContext ctx) {
    String booking = Ids.random();
    OutboundMessage confirmation = OutboundMessage.pending("prov-a", booking, 0, MessageKind.CONFIRMATION, null,
        "ada@example.com", NOW, NOW);
    OutboundMessage reminder = OutboundMessage.pending("prov-a", booking, 0, MessageKind.REMINDER,
        Duration.ofHours(1), "ada@example.com", NOW.plusSeconds(7200), NOW);
    outbox().record(List.of(reminder, confirmation, message("prov-a", MessageKind.CONFIRMATION, NOW)))
        .compose(v -> outbox().findByBooking(booking))
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).containsExactly(confirmation, reminder);
          ctx.completeNow();
        })));
  }

  @Test
  @DisplayName("listByProvider views: the schedule is the pending messages soonest first, the activity the rest latest"
      + " first; pages visit each exactly once")
  default void listByProviderViews(VertxTestContext ctx) {
    String provider = "prov-" + Ids.random().substring(0, 8);
    List<OutboundMessage> mine = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      OutboundMessage m = message(provider, i % 2 == 0 ? MessageKind.REMINDER : MessageKind.CONFIRMATION,
          NOW.plusSeconds(60L * (i / 3)));
      mine.add(i % 3 == 0 ? m.sent(NOW) : i % 5 == 0 ? m.skipped("cancelled") : m);
    }
    Comparator<OutboundMessage> soonest = Comparator.comparing(OutboundMessage::dueAt)
        .thenComparing(OutboundMessage::id);
    List<OutboundMessage> scheduled = mine.stream()
        .filter(m -> m.state() == MessageState.PENDING).sorted(soonest).toList();
    List<OutboundMessage> activity = mine.stream()
        .filter(m -> m.state() != MessageState.PENDING).sorted(soonest.reversed()).toList();
    outbox().record(List.of(message("prov-other", MessageKind.CONFIRMATION, NOW)))
        .compose(v -> outbox().record(mine))
        .compose(v -> walk(provider, LogView.SCHEDULED, null, 3, new ArrayList<>()))
        .compose(found -> {
          ctx.verify(() -> assertThat(found).containsExactlyElementsOf(scheduled));
          return walk(provider, LogView.ACTIVITY, null, 2, new ArrayList<>());
        })
        .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
          assertThat(found).containsExactlyElementsOf(activity);
          ctx.completeNow();
        })));
  }

  private Future<List<OutboundMessage>> walk(String provider, String cursor, int limit, List<OutboundMessage> seen) {
    return walk(provider, LogView.ALL, cursor, limit, seen);
  }

  private Future<List<OutboundMessage>> walk(String provider, LogView view, String cursor, int limit,
      List<OutboundMessage> seen) {
    return outbox().listByProvider(provider, view, new PageRequest(cursor, limit)).compose((Page<OutboundMessage> page) -> {
      if (page.items().size() > limit) {
        return Future.failedFuture(new AssertionError("page larger than its limit"));
      }
      seen.addAll(page.items());
      if (page.nextCursor() == null) {
        return Future.succeededFuture(seen);
      }
      if (page.items().isEmpty() || page.nextCursor().equals(cursor)) {
        return Future.failedFuture(new AssertionError("pagination does not advance"));
      }
      return walk(provider, view, page.nextCursor(), limit, seen);
    });
  }
}
