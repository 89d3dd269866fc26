package dev.dovetail.webhook.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Money;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.testkit.InMemoryWaitlistRepository;
import dev.dovetail.testkit.MutableClock;
import dev.dovetail.waitlist.domain.SlotOffer;
import dev.dovetail.waitlist.domain.WaitlistEntry;
import dev.dovetail.waitlist.domain.Wish;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("WaitlistEvents: waitlist.offered and waitlist.claimed recorded with the entry write")
class WaitlistEventsTest {

  static final Instant NOW = Instant.parse("2031-03-30T10:00:00Z");
  static final Instant SLOT = NOW.plus(Duration.ofDays(2));

  final MutableClock clock = new MutableClock(NOW);
  final InMemoryWaitlistRepository stored = new InMemoryWaitlistRepository();
  final RecordedEvents recorded = new RecordedEvents();
  final WaitlistEvents entries = new WaitlistEvents(stored, recorded, recorded, clock);

  WaitlistEntry joined() {
    WaitlistEntry entry = WaitlistEntry.join("entry-1", "acme", "room", "type", "Carol", "carol@example.com",
        ZoneId.of("Europe/Berlin"), Wish.slot(SLOT), NOW);
    entries.insert(entry).await();
    return entry;
  }

  SlotOffer offer(String held) {
    return new SlotOffer(held, TimeRange.of(SLOT, Duration.ofMinutes(30)), NOW.plus(Duration.ofHours(2)), false);
  }

  @Test
  @DisplayName("joining records nothing; an offer, a lapse and a second offer, a claim: offered twice, claimed once")
  void offeredAndClaimed() {
    WaitlistEntry offered = joined().offered(offer("held-1"), NOW);
    entries.update(offered).await();
    WaitlistEntry lapsed = offered.lapsed(NOW);
    entries.update(lapsed).await();
    WaitlistEntry again = lapsed.offered(offer("held-2"), NOW);
    entries.update(again).await();
    entries.update(again.booked("held-2", new Money(3_000, "EUR"), NOW)).await();

    assertThat(recorded.types()).containsExactly("waitlist.offered", "waitlist.offered", "waitlist.claimed");
    assertThat(recorded.published.get(0).id()).isNotEqualTo(recorded.published.get(1).id());
    assertThat(recorded.published).allSatisfy(e -> assertThat(e.subjectId()).isEqualTo("entry-1"));
    assertThat(recorded.published.get(2).data().getString("status")).isEqualTo("BOOKED");
  }

  @Test
  @DisplayName("a claim that lost its write to the sweep and is written again records the same event")
  void retriedClaimIsOneEvent() {
    WaitlistEntry offered = joined().offered(offer("held-1"), NOW);
    entries.update(offered).await();
    WaitlistEntry lapsedBySweep = offered.lapsed(NOW);
    entries.update(lapsedBySweep).await();
    // The claim read the OFFERED entry; its write loses to the sweep's, then it claims the current entry.
    assertThat(entries.update(offered.booked("held-1", new Money(3_000, "EUR"), NOW)).failed()).isTrue();
    entries.update(lapsedBySweep.booked("held-1", new Money(3_000, "EUR"), NOW)).await();

    assertThat(recorded.published.stream().filter(e -> e.type().wireName().equals("waitlist.claimed"))
        .map(e -> e.id()).distinct()).hasSize(1);
  }
}
