package dev.dovetail.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dovetail.booking.domain.Booking;
import dev.dovetail.booking.domain.BookingStatus;
import dev.dovetail.kernel.TimeRange;
import dev.dovetail.notification.domain.DeliveryPolicy.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DeliveryPolicy decides at send time whether a message still applies")
class DeliveryPolicyTest {

  static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
  static final Instant START = Instant.parse("2030-05-02T10:00:00Z");
  final DeliveryPolicy policy = new DeliveryPolicy(Duration.ofMinutes(5));

  static Booking booking(BookingStatus status, int sequence, Instant start) {
    return new Booking("b-1", "acme", "room", "type", TimeRange.of(start, Duration.ofMinutes(30)),
        ZoneId.of("UTC"), "Ada", "ada@example.com", status, status == BookingStatus.HELD ? START : null, null, sequence,
        NOW, NOW);
  }

  static OutboundMessage message(MessageKind kind, int sequence, Duration lead, Instant createdAt) {
    Instant due = lead == null ? createdAt : START.minus(lead);
    return OutboundMessage.pending("acme", "b-1", sequence, kind, lead, "ada@example.com", due, createdAt);
  }

  @Test
  @DisplayName("a missing or older booking waits for its write within the grace, and is skipped after it")
  void unwrittenChangesWaitThenSkip() {
    OutboundMessage m = message(MessageKind.CONFIRMATION, 1, null, NOW);
    assertThat(policy.decide(m, null, NOW.plusSeconds(299)).verdict()).isEqualTo(Verdict.WAIT);
    assertThat(policy.decide(m, null, NOW.plusSeconds(300)).verdict()).isEqualTo(Verdict.SKIP);
    Booking older = booking(BookingStatus.HELD, 0, START);
    assertThat(policy.decide(m, older, NOW.plusSeconds(1)).verdict()).isEqualTo(Verdict.WAIT);
    assertThat(policy.decide(m, older, NOW.plusSeconds(300)).reason()).contains("never written");
  }

  @Test
  @DisplayName("a reminder goes out only for its own sequence, while confirmed, before half its lead has passed")
  void reminderRules() {
    OutboundMessage reminder = message(MessageKind.REMINDER, 0, Duration.ofHours(24), NOW.minusSeconds(3600));
    Instant due = reminder.dueAt();
    assertThat(policy.decide(reminder, booking(BookingStatus.CONFIRMED, 0, START), due).verdict())
        .isEqualTo(Verdict.SEND);
    assertThat(policy.decide(reminder, booking(BookingStatus.CONFIRMED, 0, START), due.plus(Duration.ofHours(12)))
        .verdict()).isEqualTo(Verdict.SEND);
    assertThat(policy.decide(reminder, booking(BookingStatus.CONFIRMED, 0, START),
        due.plus(Duration.ofHours(12)).plusMillis(1)).reason()).startsWith("too late");
    assertThat(policy.decide(reminder, booking(BookingStatus.CANCELLED, 1, START), due).reason())
        .contains("cancelled");
    assertThat(policy.decide(reminder, booking(BookingStatus.CONFIRMED, 1, START.plusSeconds(3600)), due).reason())
        .contains("moved");
  }

  @Test
  @DisplayName("a reschedule notice superseded by a later change is skipped; a cancellation needs the cancelled booking")
  void rescheduleAndCancellation() {
    OutboundMessage moved = message(MessageKind.RESCHEDULE, 1, null, NOW);
    assertThat(policy.decide(moved, booking(BookingStatus.CONFIRMED, 1, START), NOW).verdict())
        .isEqualTo(Verdict.SEND);
    assertThat(policy.decide(moved, booking(BookingStatus.CONFIRMED, 2, START), NOW).reason())
        .contains("superseded");
    OutboundMessage cancel = message(MessageKind.CANCELLATION, 1, null, NOW);
    assertThat(policy.decide(cancel, booking(BookingStatus.CANCELLED, 1, START), NOW).verdict())
        .isEqualTo(Verdict.SEND);
    assertThat(policy.decide(cancel, booking(BookingStatus.CONFIRMED, 1, START), NOW.plusSeconds(600)).verdict())
        .as("the cancel write lost to a reschedule of the same sequence").isEqualTo(Verdict.SKIP);
  }

  @Test
  @DisplayName("message ids are deterministic per booking, sequence, kind and lead, and slugs of 32 hex digits")
  void idsAreDeterministic() {
    String a = OutboundMessage.idFor("b-1", 0, MessageKind.REMINDER, Duration.ofHours(1));
    assertThat(a).matches("[0-9a-f]{32}")
        .isEqualTo(OutboundMessage.idFor("b-1", 0, MessageKind.REMINDER, Duration.ofHours(1)))
        .isNotEqualTo(OutboundMessage.idFor("b-1", 0, MessageKind.REMINDER, Duration.ofHours(24)))
        .isNotEqualTo(OutboundMessage.idFor("b-1", 1, MessageKind.REMINDER, Duration.ofHours(1)));
  }
}
